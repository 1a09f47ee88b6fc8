package io.alignscope.jobs.ingest;

import java.util.List;

/**
 * A chat conversation cut at its last user turn.
 *
 * @param context the turns up to and including the last user turn (never empty)
 * @param response the assistant turn right after the last user turn, or null
 */
public record Conversation(List<ChatMessage> context, String response) {

  public Conversation {
    context = List.copyOf(context);
    if (context.isEmpty() || !ChatMessage.USER.equals(context.get(context.size() - 1).role())) {
      throw new IllegalArgumentException("a conversation must end with a user turn");
    }
  }

  /** The content of the last user turn. */
  public String prompt() {
    return context.get(context.size() - 1).content();
  }

  /** The turns before the last user turn (system prompt, earlier exchanges); maybe empty. */
  public List<ChatMessage> earlierTurns() {
    return context.subList(0, context.size() - 1);
  }
}
