package io.alignscope.jobs.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Row counts of one ingestion: every input record is either accepted or rejected for exactly one
 * reason, so {@code inputRows == acceptedRows + rejectedRows()}.
 *
 * @param inputRows records read (blank JSONL lines are not records)
 * @param acceptedRows records in the canonical output
 * @param rejectedByReason reject counts keyed by {@link RejectReason#label()}, in the order of
 *     {@link RejectReason}; reasons that did not occur are absent
 */
public record IngestCounts(long inputRows, long acceptedRows, Map<String, Long> rejectedByReason) {

  public IngestCounts {
    rejectedByReason = Collections.unmodifiableMap(new LinkedHashMap<>(rejectedByReason));
    long rejected = rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    if (acceptedRows + rejected != inputRows) {
      throw new IllegalStateException(
          "counts do not add up: "
              + acceptedRows
              + " accepted + "
              + rejected
              + " rejected != "
              + inputRows
              + " input");
    }
  }

  /** The counts of {@code accepted} rows and of rejects per reason. */
  public static IngestCounts of(long accepted, Map<RejectReason, Long> rejected) {
    Map<String, Long> byReason = new LinkedHashMap<>();
    long input = accepted;
    for (RejectReason reason : RejectReason.values()) {
      long n = rejected.getOrDefault(reason, 0L);
      if (n > 0) {
        byReason.put(reason.label(), n);
        input += n;
      }
    }
    return new IngestCounts(input, accepted, byReason);
  }

  /** All rejected records. */
  public long rejectedRows() {
    return inputRows - acceptedRows;
  }

  /** Rejects for one reason (0 when none). */
  public long rejected(RejectReason reason) {
    return rejectedByReason.getOrDefault(reason.label(), 0L);
  }
}
