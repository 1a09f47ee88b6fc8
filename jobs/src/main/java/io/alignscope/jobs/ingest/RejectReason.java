package io.alignscope.jobs.ingest;

import java.util.Arrays;

/**
 * Why ingestion refused a record. The order of the constants is the order in which the checks run:
 * a record gets the first reason that applies. {@link #label()} is the value written to the {@code
 * reason} column of the rejects output.
 */
public enum RejectReason {
  /** The line or record could not be parsed (bad JSON, bad CSV quoting, wrong field count). */
  MALFORMED("malformed"),
  /** No prompt value and no messages to take one from. */
  MISSING_PROMPT("missing-prompt"),
  /** The prompt is empty or whitespace only. */
  EMPTY_PROMPT("empty-prompt"),
  /** The prompt has more characters than the configured limit. */
  PROMPT_TOO_LONG("prompt-too-long"),
  /** The response has more characters than the configured limit. */
  RESPONSE_TOO_LONG("response-too-long"),
  /** Messages are present but are not a list of {role, content} ending in a user turn. */
  BAD_MESSAGES("bad-messages"),
  /** Another record with the same id came first (by file name, then position in the file). */
  DUPLICATE_ID("duplicate-id");

  private final String label;

  RejectReason(String label) {
    this.label = label;
  }

  /** The lower-case hyphenated name used in outputs and counts, e.g. {@code "missing-prompt"}. */
  public String label() {
    return label;
  }

  /** The reason whose {@link #label()} is {@code label}. */
  public static RejectReason fromLabel(String label) {
    return Arrays.stream(values())
        .filter(r -> r.label.equals(label))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown reject reason: " + label));
  }
}
