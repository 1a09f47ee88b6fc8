package io.alignscope.bench;

import java.util.Arrays;
import java.util.function.Supplier;

/** Times a piece of work: warm-up runs, then the median of measured runs. */
final class Stopwatch {
  private Stopwatch() {}

  /** Median seconds of {@code runs} runs after {@code warmups} unmeasured ones. */
  static double median(int warmups, int runs, Runnable work) {
    for (int i = 0; i < warmups; i++) {
      work.run();
    }
    double[] seconds = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      work.run();
      seconds[i] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(seconds);
    return seconds[runs / 2];
  }

  /** Seconds of one run of {@code work}, and its result. */
  static <T> Timed<T> once(Supplier<T> work) {
    long start = System.nanoTime();
    T value = work.get();
    return new Timed<>(value, (System.nanoTime() - start) / 1e9);
  }

  record Timed<T>(T value, double seconds) {}
}
