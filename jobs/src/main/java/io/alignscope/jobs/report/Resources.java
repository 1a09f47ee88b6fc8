package io.alignscope.jobs.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** UTF-8 text resources on the classpath: the page template, its style sheet and scripts, Chart.js. */
final class Resources {
  private Resources() {}

  /** The text of {@code resource}: relative to this package, or absolute with a leading slash. */
  static String text(String resource) {
    try (InputStream in = Resources.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read resource " + resource + ": " + e.getMessage(), e);
    }
  }
}
