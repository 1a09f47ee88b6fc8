package io.alignscope.jobs.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a chat {@code messages} value given as JSON text: a non-empty list of {@code {"role": ...,
 * "content": ...}} objects with at least one {@code user} turn, followed by at most one {@code
 * assistant} turn (the response). Other keys in a turn are ignored.
 */
public final class MessagesParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Either a conversation or the reason there is none.
   *
   * @param conversation the parsed conversation, or null when {@code problem} is set
   * @param problem a human-readable description of what is wrong, or null
   */
  public record Result(Conversation conversation, String problem) {
    static Result problem(String problem) {
      return new Result(null, problem);
    }
  }

  private MessagesParser() {}

  /** Parses {@code json}; never throws for bad input, see {@link Result#problem()}. */
  public static Result parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return Result.problem("messages are not valid JSON");
    }
    if (root == null || !root.isArray()) {
      String kind = root == null ? "nothing" : root.getNodeType().name().toLowerCase(Locale.ROOT);
      return Result.problem("messages are not a list (got " + kind + ")");
    }
    if (root.isEmpty()) {
      return Result.problem("messages list is empty");
    }
    List<ChatMessage> turns = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      JsonNode turn = root.get(i);
      if (!turn.isObject()) {
        return Result.problem("messages[" + i + "] is not an object");
      }
      String role = textField(turn, "role");
      String content = textField(turn, "content");
      if (role == null || role.isBlank()) {
        return Result.problem("messages[" + i + "] has no string 'role'");
      }
      if (content == null) {
        return Result.problem("messages[" + i + "] has no string 'content'");
      }
      turns.add(new ChatMessage(role, content));
    }
    return cutAtLastUserTurn(turns);
  }

  private static Result cutAtLastUserTurn(List<ChatMessage> turns) {
    int lastUser = -1;
    for (int i = 0; i < turns.size(); i++) {
      if (ChatMessage.USER.equals(turns.get(i).role())) {
        lastUser = i;
      }
    }
    if (lastUser < 0) {
      return Result.problem("messages have no 'user' turn");
    }
    int after = turns.size() - 1 - lastUser;
    if (after > 1) {
      return Result.problem(
          "messages have "
              + after
              + " turns after the last user turn, expected at most one assistant turn");
    }
    String response = null;
    if (after == 1) {
      ChatMessage last = turns.get(turns.size() - 1);
      if (!ChatMessage.ASSISTANT.equals(last.role())) {
        return Result.problem(
            "messages["
                + (turns.size() - 1)
                + "] after the last user turn has role '"
                + last.role()
                + "', expected 'assistant'");
      }
      response = last.content();
    }
    return new Result(new Conversation(turns.subList(0, lastUser + 1), response), null);
  }

  private static String textField(JsonNode turn, String name) {
    JsonNode value = turn.get(name);
    return value != null && value.isTextual() ? value.textValue() : null;
  }
}
