package io.alignscope.lm.tiny;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A word-list resource under {@code corpus/}: {@code key = value} settings followed by
 * {@code [section]} headers with one entry per line; {@code #} starts a comment line.
 */
final class WordListFile {
  private final String name;
  private final Map<String, String> values;
  private final Map<String, List<String>> sections;

  private WordListFile(String name, Map<String, String> values, Map<String, List<String>> sections) {
    this.name = name;
    this.values = values;
    this.sections = sections;
  }

  static WordListFile load(String resource) {
    try (InputStream in = WordListFile.class.getResourceAsStream("corpus/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing corpus resource: corpus/" + resource);
      }
      return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read corpus resource corpus/" + resource, e);
    }
  }

  static WordListFile parse(String name, String text) {
    Map<String, String> values = new HashMap<>();
    Map<String, List<String>> sections = new HashMap<>();
    List<String> current = null;
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        current = new ArrayList<>();
        sections.put(line.substring(1, line.length() - 1), current);
      } else if (current != null) {
        current.add(line);
      } else {
        int eq = line.indexOf('=');
        if (eq < 0) {
          throw new IllegalStateException(
              name + ":" + (i + 1) + ": expected 'key = value' before the first section, got '" + line + "'");
        }
        values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    return new WordListFile(name, values, sections);
  }

  String value(String key) {
    String v = values.get(key);
    if (v == null || v.isEmpty()) {
      throw new IllegalStateException(name + ": missing setting '" + key + "'");
    }
    return v;
  }

  /** A yes/no setting, {@code fallback} when absent. */
  boolean flag(String key, boolean fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (!v.equals("yes") && !v.equals("no")) {
      throw new IllegalStateException(name + ": setting '" + key + "' must be yes or no, got '" + v + "'");
    }
    return v.equals("yes");
  }

  List<String> section(String key) {
    List<String> entries = sections.get(key);
    if (entries == null || entries.isEmpty()) {
      throw new IllegalStateException(name + ": missing or empty section [" + key + "]");
    }
    return List.copyOf(entries);
  }

  /** A section whose entries are {@code field | field | ...} with exactly {@code width} fields. */
  List<List<String>> table(String key, int width) {
    List<List<String>> rows = new ArrayList<>();
    for (String entry : section(key)) {
      List<String> fields = List.of(entry.split("\\s*\\|\\s*"));
      if (fields.size() != width) {
        throw new IllegalStateException(
            name + ": [" + key + "] entry needs " + width + " fields separated by '|': '" + entry + "'");
      }
      rows.add(fields);
    }
    return rows;
  }
}
