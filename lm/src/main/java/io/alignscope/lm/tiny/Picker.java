package io.alignscope.lm.tiny;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random choices over word lists; the only source of randomness in the corpus. */
final class Picker {
  private final SplittableRandom random;

  Picker(SplittableRandom random) {
    this.random = random;
  }

  <T> T one(List<T> options) {
    if (options.isEmpty()) {
      throw new IllegalArgumentException("cannot pick from an empty list");
    }
    return options.get(random.nextInt(options.size()));
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  /** A uniform integer in [low, high], both inclusive. */
  int between(int low, int high) {
    return low + random.nextInt(high - low + 1);
  }

  /** Up to {@code count} distinct entries in random order. */
  <T> List<T> several(List<T> options, int count) {
    List<T> pool = new ArrayList<>(options);
    int n = Math.min(count, pool.size());
    for (int i = 0; i < n; i++) {
      int j = i + random.nextInt(pool.size() - i);
      T swap = pool.get(i);
      pool.set(i, pool.get(j));
      pool.set(j, swap);
    }
    return List.copyOf(pool.subList(0, n));
  }
}
