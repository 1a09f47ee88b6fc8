package io.alignscope.jobs.models;

/**
 * Settings DJL reads once, before its engine starts: never download anything (the natives are in
 * the jar), no usage tracking, and the libtorch thread count. Environment variables of the same
 * names, where set, win.
 */
public final class EngineSetup {
  private static volatile boolean done;

  private EngineSetup() {}

  /** Applies the settings once per JVM; {@code torchThreads} 0 keeps libtorch's default. */
  public static synchronized void apply(int torchThreads) {
    if (done) {
      return;
    }
    setIfAbsent("DJL_OFFLINE", "true");
    setIfAbsent("ai.djl.offline", "true");
    setIfAbsent("OPT_OUT_TRACKING", "true");
    setIfAbsent("RUST_FLAVOR", "cpu");
    if (torchThreads > 0) {
      setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(torchThreads));
      setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    }
    done = true;
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getenv(key) == null && System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
