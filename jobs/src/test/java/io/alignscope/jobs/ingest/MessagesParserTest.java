package io.alignscope.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesParserTest {

  @Test
  void cutsAtTheLastUserTurnAndTakesTheAssistantReply() {
    Conversation c =
        parse(
            "[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":\"Hi?\"},"
                + "{\"role\":\"assistant\",\"content\":\"Hello.\"},"
                + "{\"role\":\"user\",\"content\":\"Bye?\"},"
                + "{\"role\":\"assistant\",\"content\":\"Bye.\",\"name\":\"bot\"}]");
    assertEquals("Bye?", c.prompt());
    assertEquals("Bye.", c.response());
    assertEquals(4, c.context().size());
    assertEquals(
        List.of(
            new ChatMessage("system", "Be brief."),
            new ChatMessage("user", "Hi?"),
            new ChatMessage("assistant", "Hello.")),
        c.earlierTurns());
  }

  @Test
  void endingInAUserTurnHasNoResponse() {
    Conversation c = parse("[{\"role\":\"user\",\"content\":\"Only question\"}]");
    assertEquals("Only question", c.prompt());
    assertNull(c.response());
    assertEquals(List.of(), c.earlierTurns());
  }

  @Test
  void problems() {
    assertProblem("{not json", "messages are not valid JSON");
    assertProblem("\"hello\"", "messages are not a list (got string)");
    assertProblem("{\"role\":\"user\"}", "messages are not a list (got object)");
    assertProblem("[]", "messages list is empty");
    assertProblem("[\"hi\"]", "messages[0] is not an object");
    assertProblem("[{\"content\":\"hi\"}]", "messages[0] has no string 'role'");
    assertProblem("[{\"role\":\"user\",\"content\":null}]", "messages[0] has no string 'content'");
    assertProblem("[{\"role\":\"user\",\"content\":3}]", "messages[0] has no string 'content'");
    assertProblem("[{\"role\":\"system\",\"content\":\"s\"}]", "messages have no 'user' turn");
    assertProblem(
        "[{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"assistant\",\"content\":\"a\"},"
            + "{\"role\":\"assistant\",\"content\":\"b\"}]",
        "messages have 2 turns after the last user turn, expected at most one assistant turn");
    assertProblem(
        "[{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"system\",\"content\":\"s\"}]",
        "messages[1] after the last user turn has role 'system', expected 'assistant'");
  }

  private static Conversation parse(String json) {
    MessagesParser.Result result = MessagesParser.parse(json);
    assertNull(result.problem());
    return result.conversation();
  }

  private static void assertProblem(String json, String problem) {
    MessagesParser.Result result = MessagesParser.parse(json);
    assertNull(result.conversation(), json);
    assertEquals(problem, result.problem(), json);
  }
}
