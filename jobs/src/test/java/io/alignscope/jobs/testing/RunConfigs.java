package io.alignscope.jobs.testing;

import io.alignscope.jobs.config.ConfigLoader;
import io.alignscope.jobs.config.JobConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small, fast run configurations on the embedded tiny pair for tests. */
public final class RunConfigs {
  private RunConfigs() {}

  /** A run writing to {@code output} with few samples and short generations, plus {@code overrides}. */
  public static JobConfig quick(Path output, String... overrides) {
    List<String> all = new ArrayList<>(List.of("run.output=" + output, "bf.samples=4", "bf.max-new-tokens=12",
        "shift.max-new-tokens=16", "nudge.max-new-tokens=16", "spark.partitions=4"));
    all.addAll(Arrays.asList(overrides));
    return ConfigLoader.load(all);
  }
}
