/**
 * Corpus ingestion: reads prompt corpora (JSONL, JSON, Parquet, CSV; local, {@code s3a://} or any
 * Hadoop filesystem) into canonical rows ({@link io.alignscope.jobs.ingest.CanonicalSchema}) and a
 * dead-letter output ({@link io.alignscope.jobs.ingest.RejectsSchema}) that every later stage
 * reuses.
 *
 * <p>Entry point: {@link io.alignscope.jobs.ingest.CorpusReader#read} with {@link
 * io.alignscope.jobs.ingest.CorpusOptions}. The decisions are plain Java with their own tests
 * ({@link io.alignscope.jobs.ingest.RowValidator}, {@link io.alignscope.jobs.ingest.StableId},
 * {@link io.alignscope.jobs.ingest.MessagesParser}); the Spark classes only read, map and call
 * them. Nothing is dropped silently: every input record is accepted or rejected with one {@link
 * io.alignscope.jobs.ingest.RejectReason}, and {@link io.alignscope.jobs.ingest.IngestCounts}
 * checks that the numbers add up.
 */
package io.alignscope.jobs.ingest;
