package io.alignscope.jobs.output;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Versions of the pieces a run used, read from the classpath without starting any native engine. */
public final class Versions {
  private Versions() {}

  /** alignscope, Spark, DJL, the bundled libtorch (version and flavor), Java. */
  public static Map<String, String> all(String sparkVersion) {
    Map<String, String> v = new LinkedHashMap<>();
    Package p = Versions.class.getPackage();
    v.put("alignscope", p.getImplementationVersion() == null ? "dev" : p.getImplementationVersion());
    v.put("spark", sparkVersion);
    v.put("djl", ai.djl.engine.Engine.getDjlVersion());
    Properties torch = properties("/native/lib/pytorch.properties");
    v.put("pytorch", torch.getProperty("version", "unknown"));
    v.put("pytorch_flavor", torch.getProperty("flavor", "unknown"));
    v.put("java", System.getProperty("java.version"));
    return v;
  }

  private static Properties properties(String resource) {
    Properties p = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream(resource)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // Versions are informative; a missing file leaves "unknown".
    }
    return p;
  }
}
