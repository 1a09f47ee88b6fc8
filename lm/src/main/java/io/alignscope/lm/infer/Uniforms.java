package io.alignscope.lm.infer;

import java.nio.charset.StandardCharsets;

/**
 * Counter-based random numbers: the uniform draw for (seed, prompt key, sample, step) is a pure
 * function of those four values, so a sample does not depend on batch composition, order or
 * retries, and a re-run Spark task writes identical rows.
 */
public final class Uniforms {
  private Uniforms() {}

  /** A 64-bit hash of a prompt key (FNV-1a over UTF-8, then mixed). */
  public static long keyHash(String key) {
    long h = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  /** A float in [0, 1) for one draw. */
  public static float draw(long seed, long keyHash, int sample, int step) {
    long z = mix(seed ^ mix(keyHash ^ mix(((long) sample << 32) ^ (step & 0xffffffffL))));
    return (z >>> 40) * 0x1.0p-24f;
  }

  /** SplitMix64's finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
