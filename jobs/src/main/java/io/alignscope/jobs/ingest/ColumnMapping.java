package io.alignscope.jobs.ingest;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which input column feeds each {@link CanonicalField}. Fields without an explicit entry read the
 * column of their own name ({@code prompt} from {@code prompt}, ...); an explicit entry may be a
 * nested path such as {@code instances[0].output} (see {@link ColumnPath}).
 *
 * <p>Explicit entries must exist in the input; a default column that is absent simply yields null
 * (except the prompt, which must come from a column or from messages).
 */
public final class ColumnMapping implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ColumnMapping DEFAULTS = new ColumnMapping(Map.of());

  private final Map<CanonicalField, String> explicit;

  private ColumnMapping(Map<CanonicalField, String> explicit) {
    EnumMap<CanonicalField, String> copy = new EnumMap<>(CanonicalField.class);
    copy.putAll(explicit);
    this.explicit = Collections.unmodifiableMap(copy);
  }

  /** Every field read from the column of the same name. */
  public static ColumnMapping defaults() {
    return DEFAULTS;
  }

  /**
   * Parses {@code "prompt=instruction, response=instances[0].output"}; an empty or null string
   * gives {@link #defaults()}.
   *
   * @throws IllegalArgumentException naming the bad entry
   */
  public static ColumnMapping parse(String spec) {
    ColumnMapping mapping = DEFAULTS;
    if (spec == null || spec.isBlank()) {
      return mapping;
    }
    for (String entry : spec.split(",")) {
      int eq = entry.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "bad column mapping entry '" + entry.strip() + "': expected field=column");
      }
      mapping =
          mapping.with(
              CanonicalField.fromName(entry.substring(0, eq)), entry.substring(eq + 1).strip());
    }
    return mapping;
  }

  /** A copy in which {@code field} is read from {@code sourcePath}. */
  public ColumnMapping with(CanonicalField field, String sourcePath) {
    ColumnPath.parse(sourcePath); // fail now on a malformed path, not at read time
    EnumMap<CanonicalField, String> copy = new EnumMap<>(CanonicalField.class);
    copy.putAll(explicit);
    copy.put(field, sourcePath.strip());
    return new ColumnMapping(copy);
  }

  /** The input column or path that feeds {@code field}. */
  public String sourceFor(CanonicalField field) {
    return explicit.getOrDefault(field, field.columnName());
  }

  /** True when the user named the source of {@code field}, which then must exist. */
  public boolean isExplicit(CanonicalField field) {
    return explicit.containsKey(field);
  }

  /** The explicit entries only. */
  public Map<CanonicalField, String> explicitEntries() {
    return explicit;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ColumnMapping other && explicit.equals(other.explicit);
  }

  @Override
  public int hashCode() {
    return explicit.hashCode();
  }

  @Override
  public String toString() {
    return explicit.isEmpty() ? "defaults" : explicit.toString();
  }
}
