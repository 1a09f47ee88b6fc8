package io.alignscope.jobs.ingest;

import java.io.Serializable;
import java.util.Objects;

/**
 * One turn of a chat conversation.
 *
 * @param role {@code system}, {@code user}, {@code assistant}, ... (never null)
 * @param content the text of the turn (never null, may be empty)
 */
public record ChatMessage(String role, String content) implements Serializable {

  public static final String USER = "user";
  public static final String ASSISTANT = "assistant";

  public ChatMessage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
  }
}
