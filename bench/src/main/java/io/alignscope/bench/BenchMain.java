package io.alignscope.bench;

import java.util.Arrays;

/** Runs the benchmarks named on the command line: runtime, pipeline, selection (default: all). */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    String out = System.getProperty("alignscope.bench.out", "bench/target/results");
    String[] which = args.length == 0 ? new String[] {"runtime", "pipeline", "selection"} : args;
    for (String name : which) {
      switch (name) {
        case "runtime" -> RuntimeBenchmark.main(new String[] {out});
        case "pipeline" -> PipelineBenchmark.main(new String[] {out});
        case "selection" -> SelectionBenchmark.main(new String[] {out + "/selection.json"});
        default -> throw new IllegalArgumentException("unknown benchmark '" + name + "'; known: runtime, pipeline, selection. "
            + "Given: " + Arrays.toString(args));
      }
    }
  }
}
