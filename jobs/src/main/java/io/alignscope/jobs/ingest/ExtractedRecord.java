package io.alignscope.jobs.ingest;

/**
 * The values ingestion read for one input record, before any check. Every value is text as found in
 * the input (numbers as their digits, nested values as JSON) or null when absent.
 *
 * @param malformedDetail why the record could not be parsed, or null when it parsed
 * @param id the given id
 * @param prompt the prompt column
 * @param response the response column
 * @param messagesJson the chat messages as JSON text
 * @param chosen the preferred answer of preference data
 * @param rejected the dispreferred answer of preference data
 */
public record ExtractedRecord(
    String malformedDetail,
    String id,
    String prompt,
    String response,
    String messagesJson,
    String chosen,
    String rejected) {

  /** A record that could not be parsed at all. */
  public static ExtractedRecord malformed(String detail) {
    return new ExtractedRecord(detail, null, null, null, null, null, null);
  }

  /** A parsed plain prompt/response record. */
  public static ExtractedRecord of(String id, String prompt, String response) {
    return new ExtractedRecord(null, id, prompt, response, null, null, null);
  }
}
