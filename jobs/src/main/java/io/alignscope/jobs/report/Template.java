package io.alignscope.jobs.report;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text template with {@code {{name}}} placeholders, filled in one pass: substituted values are
 * never scanned again, so a value may itself contain braces. Every placeholder needs a value and
 * every value a placeholder.
 */
final class Template {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z][a-z0-9_]*)}}");
  private final String name;
  private final String text;

  Template(String name, String text) {
    this.name = name;
    this.text = text;
  }

  /** A template from a classpath resource next to this class. */
  static Template resource(String resource) {
    return new Template(resource, Resources.text(resource));
  }

  /** The text with every placeholder replaced. */
  String render(Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + values.values().stream().mapToInt(String::length).sum());
    Set<String> used = new HashSet<>();
    int last = 0;
    while (m.find()) {
      String key = m.group(1);
      String value = values.get(key);
      if (value == null) {
        throw new IllegalArgumentException("template " + name + ": no value for {{" + key + "}}");
      }
      out.append(text, last, m.start()).append(value);
      used.add(key);
      last = m.end();
    }
    out.append(text, last, text.length());
    Set<String> unused = new HashSet<>(values.keySet());
    unused.removeAll(used);
    if (!unused.isEmpty()) {
      throw new IllegalArgumentException("template " + name + " has no placeholder for " + unused);
    }
    return out.toString();
  }
}
