package io.alignscope.jobs.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Chart.js, read from its WebJar ({@code org.webjars.npm:chart.js}) on the classpath so the page
 * can inline it: the report needs no network. The version comes from the WebJar's own Maven
 * metadata, so upgrading the dependency is the only change needed.
 */
final class ChartLibrary {
  private static final String POM_PROPERTIES = "/META-INF/maven/org.webjars.npm/chart.js/pom.properties";
  private static final String UMD_BUILD = "/META-INF/resources/webjars/chart.js/%s/dist/chart.umd.min.js";
  private static final Pattern SOURCE_MAP = Pattern.compile("(?m)^//# sourceMappingURL=.*$");

  private ChartLibrary() {}

  /** The Chart.js version on the classpath, e.g. "4.5.1". */
  static String version() {
    Properties p = new Properties();
    try (InputStream in = ChartLibrary.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in == null) {
        throw new IllegalStateException("Chart.js WebJar not on the classpath (" + POM_PROPERTIES
            + "); the jobs module depends on org.webjars.npm:chart.js");
      }
      p.load(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + POM_PROPERTIES + ": " + e.getMessage(), e);
    }
    return p.getProperty("version");
  }

  /**
   * The UMD build, ready to sit inside a {@code <script>} element: without its source-map comment,
   * and checked to contain nothing that would end the element early.
   */
  static String source() {
    String resource = String.format(UMD_BUILD, version());
    String code = SOURCE_MAP.matcher(Resources.text(resource)).replaceAll("");
    String lower = code.toLowerCase(Locale.ROOT);
    if (lower.contains("</script") || lower.contains("<!--")) {
      throw new IllegalStateException(resource + " contains '</script' or '<!--' and cannot be inlined as is");
    }
    return code;
  }
}
