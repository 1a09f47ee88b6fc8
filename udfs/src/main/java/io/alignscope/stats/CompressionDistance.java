package io.alignscope.stats;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Gzip compressed size and the normalised compression distance (NCD) used by ZIP-FIT. */
public final class CompressionDistance {

  private CompressionDistance() {}

  /**
   * {@code C(s)}: the size in bytes of the gzip encoding of the UTF-8 bytes of {@code s} at the
   * given Deflater level (default strategy), as {@link GZIPOutputStream} writes it: a 10-byte
   * header, the raw deflate stream and an 8-byte trailer. Nothing is cached.
   *
   * @param text the string to compress; not null (may be empty)
   * @param level Deflater level 1 (fastest) to 9 (best)
   * @return the compressed size in bytes
   * @throws IllegalArgumentException if {@code text} is null or {@code level} is outside 1..9
   *     (level 0 only stores, which makes every score equal)
   */
  public static int gzipSize(String text, int level) {
    requireLevel(level);
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    ByteCounter counter = new ByteCounter();
    try (GZIPOutputStream gzip = new LeveledGzipOutputStream(counter, level)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("gzip into memory failed", e);
    }
    return counter.count;
  }

  /**
   * Normalised compression distance {@code NCD(x, y) = (C(xy) − min(C(x), C(y))) / max(C(x),
   * C(y))} with C = {@link #gzipSize(String, int)} and {@code xy} the concatenation {@code x + y}.
   * About 0 for identical strings (not exactly: gzip has overhead) and about 1 for unrelated ones.
   *
   * @param x first string; not null
   * @param y second string; not null
   * @param level Deflater level 1..9
   * @return the distance
   * @throws IllegalArgumentException as for {@link #gzipSize(String, int)}
   */
  public static double ncd(String x, String y, int level) {
    requireLevel(level);
    if (x == null || y == null) {
      throw new IllegalArgumentException(
          "x and y must not be null, got " + (x == null ? "x = null" : "y = null"));
    }
    return ncd(x, gzipSize(x, level), y, level);
  }

  /** {@link #ncd(String, String, int)} with {@code C(x)} already known (ZIP-FIT reuses it). */
  static double ncd(String x, int cx, String y, int level) {
    int cy = gzipSize(y, level);
    int cxy = gzipSize(x + y, level);
    return (double) (cxy - Math.min(cx, cy)) / Math.max(cx, cy);
  }

  static void requireLevel(int level) {
    if (level < Deflater.BEST_SPEED || level > Deflater.BEST_COMPRESSION) {
      throw new IllegalArgumentException(
          "compression level must be in 1..9, got " + level
              + " (level 0 only stores, which makes every score equal)");
    }
  }

  /** {@link GZIPOutputStream} has no level parameter; its protected Deflater takes one. */
  private static final class LeveledGzipOutputStream extends GZIPOutputStream {
    LeveledGzipOutputStream(OutputStream out, int level) throws IOException {
      super(out);
      def.setLevel(level);
    }
  }

  /** Counts bytes instead of keeping them: only the size matters. */
  private static final class ByteCounter extends OutputStream {
    private int count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
