package io.alignscope.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

  @Test
  void valuesAreNotScannedAgain() {
    Template t = new Template("t", "<p>{{a}}</p><p>{{b}}</p>");
    assertEquals("<p>{{b}}</p><p>x</p>", t.render(Map.of("a", "{{b}}", "b", "x")));
  }

  @Test
  void missingAndUnusedValuesFail() {
    Template t = new Template("t", "{{a}}");
    assertEquals("template t: no value for {{a}}",
        assertThrows(IllegalArgumentException.class, () -> t.render(Map.of())).getMessage());
    assertThrows(IllegalArgumentException.class, () -> t.render(Map.of("a", "1", "b", "2")));
  }

  @Test
  void chartJsIsInlinableAndVersioned() {
    assertEquals("4.5.1", ChartLibrary.version());
    String code = ChartLibrary.source();
    assertTrue(code.startsWith("/*!\n * Chart.js v" + ChartLibrary.version()), code.substring(0, 60));
    assertFalse(code.contains("sourceMappingURL"));
    assertFalse(code.toLowerCase(Locale.ROOT).contains("</script"));
  }

  @Test
  void pageResourcesCannotEndTheirElementsEarly() {
    for (String resource : new String[] {"bootstrap.js", "report.js", "report.css"}) {
      String text = Resources.text(resource).toLowerCase(Locale.ROOT);
      assertFalse(text.contains("</script") || text.contains("</style") || text.contains("<!--"), resource);
    }
  }

  @Test
  void formats() {
    assertEquals("211", Format.number(211.32));
    assertEquals("5.68", Format.number(5.6846));
    assertEquals("0.0168", Format.number(0.016826));
    assertEquals("8,832", Format.number(8832.4));
    assertEquals("0", Format.number(0));
    assertEquals("\u2013", Format.number(Double.NaN));
    assertEquals("92.4 %", Format.percent(0.92379));
    assertEquals("1.09\u00d7", Format.ratio(1.0868));
    assertEquals("12,345", Format.count(12345));
  }
}
