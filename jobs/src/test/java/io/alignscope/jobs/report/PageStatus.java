package io.alignscope.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page's registry as the browser left it: read from {@code <pre id="alignscope-status">} in a
 * dumped DOM.
 *
 * @param ready whether the page finished rendering
 * @param bodyReady whether {@code body[data-ready=true]} was set
 * @param expected chart ids the page declared
 * @param charts chart id to data points drawn
 * @param errors captured errors
 * @param chartjs Chart.js version reported by the library
 */
record PageStatus(boolean ready, boolean bodyReady, List<String> expected, Map<String, Integer> charts,
    List<String> errors, String chartjs) {
  private static final Pattern STATUS = Pattern.compile("<pre id=\"alignscope-status\"[^>]*>([^<]*)</pre>");
  private static final Pattern BODY_READY = Pattern.compile("<body[^>]*data-ready=\"true\"");

  static PageStatus parse(String dom) {
    Matcher m = STATUS.matcher(dom);
    if (!m.find()) {
      fail("no <pre id=\"alignscope-status\"> in the dumped DOM:\n" + dom.substring(0, Math.min(2000, dom.length())));
    }
    String json = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&nbsp;", "\u00a0").replace("&amp;", "&");
    try {
      JsonNode node = new ObjectMapper().readTree(json);
      List<String> expected = new ArrayList<>();
      node.path("expected").forEach(n -> expected.add(n.asText()));
      Map<String, Integer> charts = new LinkedHashMap<>();
      node.path("charts").fields().forEachRemaining(e -> charts.put(e.getKey(), e.getValue().asInt()));
      List<String> errors = new ArrayList<>();
      node.path("errors").forEach(n -> errors.add(n.asText()));
      return new PageStatus(node.path("ready").asBoolean(), BODY_READY.matcher(dom).find(), expected, charts, errors,
          node.path("chartjs").asText());
    } catch (IOException e) {
      throw new AssertionError("status is not JSON: " + json, e);
    }
  }

  /** No errors, ready, exactly {@code charts} declared and drawn, each with at least one point. */
  void assertHealthy(List<String> charts) {
    assertEquals(List.of(), errors, "errors in the page");
    assertTrue(ready, "page did not finish rendering");
    assertTrue(bodyReady, "body[data-ready] not set");
    assertEquals(charts.stream().sorted().toList(), expected.stream().sorted().toList(), "charts declared");
    assertEquals(charts.stream().sorted().toList(), this.charts.keySet().stream().sorted().toList(), "charts drawn");
    this.charts.forEach((id, points) -> assertTrue(points > 0, "chart " + id + " has no data points"));
  }
}
