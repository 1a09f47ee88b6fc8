package io.alignscope.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartSpecTest {

  @Test
  void stackedHorizontalBars() {
    ChartSpec chart = ChartSpec.bars(List.of("a", "b")).horizontal().stacked().valueMax(100).axes("cat", "val")
        .series("one", List.of(1.0, 2.0), "#111111")
        .series("two", Arrays.asList(Double.NaN, 4.0), "#222222");
    JsonNode json = chart.toJson();
    assertEquals("bar", json.path("type").asText());
    assertEquals("y", json.path("options").path("indexAxis").asText());
    assertFalse(json.path("options").path("animation").asBoolean(true));
    assertTrue(json.path("options").path("scales").path("y").path("stacked").asBoolean());
    assertEquals("cat", json.path("options").path("scales").path("y").path("title").path("text").asText());
    assertEquals(100, json.path("options").path("scales").path("x").path("max").asInt());
    assertTrue(json.path("data").path("datasets").get(1).path("data").get(0).isNull());
    assertEquals(3, chart.points());
  }

  @Test
  void xyLinesUseALinearAxisAndPoints() {
    ChartSpec chart = ChartSpec.xy().series("base", List.of(0.0, 5.0), List.of(12.0, Double.NaN), "#4e79a7");
    JsonNode json = chart.toJson();
    assertEquals("line", json.path("type").asText());
    assertEquals("linear", json.path("options").path("scales").path("x").path("type").asText());
    JsonNode data = json.path("data").path("datasets").get(0).path("data");
    assertEquals(5.0, data.get(1).path("x").asDouble());
    assertTrue(data.get(1).path("y").isNull());
    assertEquals(1, chart.points());
  }

  @Test
  void secondaryAxisSeries() {
    JsonNode json = ChartSpec.lines(List.of("0", "1")).secondaryAxis("entropy")
        .series("kl", List.of(0.1, 0.2), "#000000").secondarySeries("h", List.of(5.0, 5.1), "#111111").toJson();
    assertEquals("y1", json.path("data").path("datasets").get(1).path("yAxisID").asText());
    assertEquals("right", json.path("options").path("scales").path("y1").path("position").asText());
  }

  @Test
  void mismatchedSeriesFail() {
    ChartSpec bars = ChartSpec.bars(List.of("a", "b"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> bars.series("s", List.of(1.0), "#000000"));
    assertEquals("series 's' has 1 values for 2 categories", e.getMessage());
    assertThrows(IllegalStateException.class, () -> ChartSpec.xy().series("s", List.of(1.0), "#000000"));
  }

  @Test
  void figureIdsAreChecked() {
    assertThrows(IllegalArgumentException.class,
        () -> Figure.of("Bad id\"", "t", "c", ChartSpec.bars(List.of())));
  }
}
