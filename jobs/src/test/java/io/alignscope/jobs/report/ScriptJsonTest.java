package io.alignscope.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ScriptJsonTest {

  @Test
  void hostileStringsCannotLeaveTheScriptElementAndRoundTrip() throws Exception {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    ArrayNode strings = data.putArray("strings");
    HostileStrings.ALL.forEach(strings::add);
    data.put(HostileStrings.SCRIPT_BREAKOUT, "a key can be hostile too");
    String json = ScriptJson.embed(data);

    assertTrue(json.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "not printable ASCII: " + json);
    for (String forbidden : new String[] {"<", ">", "&", "'", "\u2028", "\u2029"}) {
      assertFalse(json.contains(forbidden), "contains " + forbidden + ": " + json);
    }
    JsonNode back = new ObjectMapper().readTree(json);
    for (int i = 0; i < HostileStrings.ALL.size(); i++) {
      assertEquals(HostileStrings.ALL.get(i), back.path("strings").get(i).asText());
    }
    assertEquals("a key can be hostile too", back.path(HostileStrings.SCRIPT_BREAKOUT).asText());
  }

  @Test
  void scriptEndIsUnicodeEscaped() {
    ObjectNode data = JsonNodeFactory.instance.objectNode().put("t", "</script>");
    String json = ScriptJson.embed(data);
    assertTrue(json.matches("\\{\"t\":\"\\\\u003[cC]/script\\\\u003[eE]\"}"), json);
  }

  @Test
  void loneSurrogatesSurviveAsEscapes() throws Exception {
    String json = ScriptJson.embed(JsonNodeFactory.instance.objectNode().put("t", "a\ud800b"));
    assertTrue(json.toLowerCase().contains("\\ud800"), json);
    assertEquals("a\ud800b", new ObjectMapper().readTree(json).path("t").asText());
  }
}
