package io.alignscope.jobs.ingest;

import java.util.List;

/**
 * What {@link RowValidator} decided about one record: accepted with its canonical values, or
 * rejected with a reason and a human-readable detail.
 *
 * @param reason null when accepted
 * @param detail what is wrong, e.g. {@code "prompt has 20413 characters, limit 16000"}; null when
 *     accepted
 * @param id the given or derived id; null only for a reject whose prompt is unknown
 * @param prompt the canonical prompt (null for rejects)
 * @param response the canonical response, maybe null
 * @param messages the conversation up to the last user turn, null for non-chat input
 */
public record Verdict(
    RejectReason reason,
    String detail,
    String id,
    String prompt,
    String response,
    List<ChatMessage> messages) {

  public Verdict {
    messages = messages == null ? null : List.copyOf(messages);
  }

  static Verdict accept(String id, String prompt, String response, List<ChatMessage> messages) {
    return new Verdict(null, null, id, prompt, response, messages);
  }

  static Verdict reject(RejectReason reason, String detail, String id) {
    return new Verdict(reason, detail, id, null, null, null);
  }

  public boolean isAccepted() {
    return reason == null;
  }
}
