package io.alignscope.jobs.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a value sits in an input record: a column name, optionally followed by struct fields and
 * array indexes, e.g. {@code instruction}, {@code meta.lang} or {@code instances[0].output}.
 *
 * @param text the path as written
 * @param segments the parsed steps, the first always a {@link Field}
 */
public record ColumnPath(String text, List<Segment> segments) implements Serializable {

  private static final Pattern PART = Pattern.compile("([^.\\[\\]]+)((?:\\[\\d+])*)");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

  /** One step of a path. */
  public sealed interface Segment extends Serializable permits Field, Index {}

  /** A column or struct field, by name. */
  public record Field(String name) implements Segment {}

  /** An element of an array, counted from 0. */
  public record Index(int index) implements Segment {}

  public ColumnPath {
    segments = List.copyOf(segments);
  }

  /** The path holding just the column {@code name} (which may itself contain dots). */
  public static ColumnPath column(String name) {
    return new ColumnPath(name, List.of(new Field(name)));
  }

  /**
   * Parses {@code name.field[2].other}.
   *
   * @throws IllegalArgumentException naming {@code text} if it is blank or not of that form
   */
  public static ColumnPath parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("column path is empty");
    }
    List<Segment> segments = new ArrayList<>();
    for (String part : text.strip().split("\\.", -1)) {
      Matcher m = PART.matcher(part);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "bad column path '" + text + "': expected name, name.field or name[0].field");
      }
      segments.add(new Field(m.group(1)));
      Matcher index = INDEX.matcher(m.group(2));
      while (index.find()) {
        segments.add(new Index(Integer.parseInt(index.group(1))));
      }
    }
    return new ColumnPath(text.strip(), segments);
  }

  /** True when the path is a single column name. */
  public boolean isSimple() {
    return segments.size() == 1;
  }

  @Override
  public String toString() {
    return text;
  }
}
