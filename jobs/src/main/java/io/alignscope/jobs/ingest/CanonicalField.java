package io.alignscope.jobs.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A field of the canonical record that can be mapped from a column of the input corpus. */
public enum CanonicalField {
  ID,
  PROMPT,
  RESPONSE,
  SOURCE,
  MESSAGES,
  CHOSEN,
  REJECTED;

  /** The canonical column name, which is also the default source column name. */
  public String columnName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The field called {@code name} (case-insensitive), e.g. {@code "prompt"}. */
  public static CanonicalField fromName(String name) {
    return Arrays.stream(values())
        .filter(f -> f.columnName().equalsIgnoreCase(name.strip()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown canonical field '"
                        + name
                        + "', expected one of "
                        + Arrays.stream(values())
                            .map(CanonicalField::columnName)
                            .collect(Collectors.joining(", "))));
  }
}
