package io.alignscope.jobs.report;

/**
 * Escaping of untrusted text (token strings, reject details, paths, configuration values) for
 * HTML element content and quoted attribute values.
 *
 * <p>Besides the five markup characters, code points that HTML forbids or that would corrupt the
 * UTF-8 page (C0/C1 controls other than tab, newline and carriage return, and unpaired surrogates)
 * become U+FFFD, so the page stays well formed whatever the input.
 */
final class Html {
  private static final char REPLACEMENT = '\uFFFD';

  private Html() {}

  /** {@code text} safe inside an element or a double- or single-quoted attribute; null gives "". */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c) || isForbiddenControl(c)) {
            out.append(REPLACEMENT);
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean isForbiddenControl(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
  }
}
