package io.alignscope.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exact sizes come from Python 3.11 / zlib 1.2.13: {@code len(gzip.compress(s.encode(),
 * compresslevel=L))}, checked to equal the raw deflate length ({@code zlib.compressobj(L,
 * DEFLATED, -15)}) + 18, the 10-byte header and 8-byte trailer that Java's GZIPOutputStream also
 * writes.
 */
class CompressionDistanceTest {

  private static final String FOX = "the quick brown fox jumps over the lazy dog. ".repeat(3);
  private static final String JUGS = "pack my box with five dozen liquor jugs! 0123456789";

  @Test
  void sizesMatchPythonGzip() {
    assertEquals(67, CompressionDistance.gzipSize(FOX, 6));
    assertEquals(71, CompressionDistance.gzipSize(JUGS, 6));
    assertEquals(110, CompressionDistance.gzipSize(FOX + JUGS, 6));
    assertEquals(111, CompressionDistance.gzipSize(FOX + JUGS, 1));
    assertEquals(20, CompressionDistance.gzipSize("", 6)); // header + empty block + trailer
    assertEquals(38, CompressionDistance.gzipSize("héllo wörld ✓", 9)); // UTF-8 bytes
  }

  @Test
  void ncdMatchesPythonValue() {
    // level 6: (C(xy) − min(C(x), C(y))) / max(C(x), C(y)) = (110 − 67) / 71 = 43/71
    assertEquals(43.0 / 71.0, CompressionDistance.ncd(FOX, JUGS, 6));
    // level 1: (111 − 67) / 71 = 44/71
    assertEquals(44.0 / 71.0, CompressionDistance.ncd(FOX, JUGS, 1));
  }

  @Test
  void selfDistanceIsSmallAndUnrelatedIsLarger() {
    double self = CompressionDistance.ncd(FOX, FOX, 9);
    double unrelated = CompressionDistance.ncd(FOX, JUGS, 9);
    assertTrue(self < 0.2, "NCD(x, x) = " + self);
    assertTrue(unrelated > self + 0.3, "NCD(x, y) = " + unrelated + " vs NCD(x, x) = " + self);
  }

  @Test
  void zipFitScoreIsOneMinusMeanNcd() {
    double expected =
        1.0 - (CompressionDistance.ncd(FOX, FOX, 6) + CompressionDistance.ncd(FOX, JUGS, 6)) / 2;
    assertEquals(expected, ZipFit.score(FOX, List.of(FOX, JUGS), 6), 1e-15);
    assertTrue(ZipFit.score(FOX, List.of(FOX), 6) > ZipFit.score(FOX, List.of(JUGS), 6));
    assertThrows(IllegalArgumentException.class, () -> ZipFit.score(FOX, List.of(), 6));
  }

  @Test
  void levelZeroIsRejectedWithTheReason() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CompressionDistance.ncd("a", "b", 0));
    assertEquals(
        "compression level must be in 1..9, got 0 (level 0 only stores, which makes every score"
            + " equal)",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CompressionDistance.gzipSize("a", 10));
    assertThrows(IllegalArgumentException.class, () -> ZipFit.score("a", List.of("b"), -1));
  }
}
