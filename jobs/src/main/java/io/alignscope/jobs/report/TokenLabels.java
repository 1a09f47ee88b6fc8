package io.alignscope.jobs.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Readable labels for decoded tokens: spaces become {@code ␣}, newlines, tabs, other control
 * characters and invisible ones (format characters, line and paragraph separators, other spaces)
 * their backslash escapes, so that " the", "the" and "\n" look different on a chart axis.
 * Long labels are cut to {@link #MAX_CODE_POINTS}.
 */
final class TokenLabels {
  /** Labels longer than this many code points are cut, with an ellipsis. */
  static final int MAX_CODE_POINTS = 40;

  private TokenLabels() {}

  /** The visible form of one decoded token; null or empty gives "(empty)". */
  static String visible(String token) {
    if (token == null || token.isEmpty()) {
      return "(empty)";
    }
    StringBuilder out = new StringBuilder(token.length() + 4);
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      switch (c) {
        case ' ' -> out.append('\u2423');
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (invisible(c) || (Character.isSurrogate(c) && !pairedAt(token, i))) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
            if (Character.isHighSurrogate(c)) {
              out.append(token.charAt(++i));
            }
          }
        }
      }
    }
    return shorten(out.toString());
  }

  /**
   * Visible labels for tokens in order; a label that two different ids share (e.g. partial UTF-8
   * bytes that both decode to U+FFFD) gets the id appended, so every bar stays distinguishable.
   */
  static List<String> visible(List<String> tokens, List<Integer> ids) {
    Map<String, Integer> uses = new HashMap<>();
    List<String> labels = new ArrayList<>();
    for (String token : tokens) {
      labels.add(visible(token));
      uses.merge(labels.get(labels.size() - 1), 1, Integer::sum);
    }
    for (int i = 0; i < labels.size(); i++) {
      if (uses.get(labels.get(i)) > 1) {
        labels.set(i, labels.get(i) + " #" + ids.get(i));
      }
    }
    return labels;
  }

  private static String shorten(String label) {
    if (label.codePointCount(0, label.length()) <= MAX_CODE_POINTS) {
      return label;
    }
    return label.substring(0, label.offsetByCodePoints(0, MAX_CODE_POINTS - 1)) + "\u2026";
  }

  private static boolean invisible(char c) {
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR || type == Character.SPACE_SEPARATOR;
  }

  private static boolean pairedAt(String s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
  }
}
