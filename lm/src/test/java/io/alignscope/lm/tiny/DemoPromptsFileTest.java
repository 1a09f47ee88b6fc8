package io.alignscope.lm.tiny;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks the demo corpus bundled with the jobs module, which {@link DemoPrompts} generates. */
class DemoPromptsFileTest {
  // Surefire runs in the lm module's directory.
  private static final Path FILE =
      Path.of("..", "jobs", "src", "main", "resources", "io", "alignscope", "jobs", "sample", "prompts.jsonl");

  @Test
  void fileHoldsFortyEightValidLinesWithinTheLimits() throws Exception {
    List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
    assertEquals(48, lines.size());
    ObjectMapper json = new ObjectMapper();
    Set<String> ids = new HashSet<>();
    Map<String, Integer> perSource = new HashMap<>();
    for (String line : lines) {
      JsonNode row = json.readTree(line);
      assertEquals(Set.of("id", "source", "prompt", "response"), fieldNames(row), line);
      String id = row.get("id").asText();
      assertTrue(id.matches("sample-\\d{4}"), id);
      assertTrue(ids.add(id), "duplicate id " + id);
      String source = row.get("source").asText();
      assertTrue(DemoPrompts.SOURCES.contains(source), source);
      perSource.merge(source, 1, Integer::sum);
      String prompt = row.get("prompt").asText();
      assertTrue(!prompt.isBlank() && prompt.length() < 500, id + " prompt length " + prompt.length());
      String response = row.get("response").asText();
      assertTrue(!response.isBlank() && response.length() < 1200, id + " response length " + response.length());
    }
    assertEquals(Map.of("howto", 12, "knowledge", 12, "creative", 12, "advice", 12), perSource);
  }

  @Test
  void fileMatchesTheGenerator() throws Exception {
    assertEquals(DemoPrompts.render(), Files.readString(FILE, StandardCharsets.UTF_8),
        "stale demo corpus; regenerate it from the repository root with: java -cp lm/target/classes "
            + "io.alignscope.lm.tiny.DemoPrompts " + FILE.toString().substring(3));
  }

  @Test
  void quotingRoundTripsThroughJackson() throws Exception {
    String tricky = "say \"hi\"\n\tback\\slash \u0001";
    assertEquals(tricky, new ObjectMapper().readTree(DemoPrompts.quote(tricky)).asText());
  }

  private static Set<String> fieldNames(JsonNode row) {
    Set<String> names = new HashSet<>();
    row.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
