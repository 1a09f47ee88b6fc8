package io.alignscope.jobs.select;

import java.nio.charset.StandardCharsets;

/**
 * A seeded pseudo-random order of ids that does not depend on partitioning or row order: each id
 * gets the key {@code splitmix64(fnv1a64(utf8(id)) ^ splitmix64(seed))}, and rows sorted by
 * (key, id) are a uniform shuffle for that seed. Used by the random strategy and for every
 * deterministic sample (ISA fit rows, ZIP-FIT target examples).
 */
public final class SeededOrder {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private SeededOrder() {}

  /** The sort key of {@code id} under {@code seed}. */
  public static long key(long seed, String id) {
    long h = FNV_OFFSET;
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= FNV_PRIME;
    }
    return mix(h ^ mix(seed));
  }

  /** SplitMix64's finaliser. */
  static long mix(long z) {
    z += 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
