package io.alignscope.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InstructionFollowingDifficultyTest {

  private static final double EPS = 1e-12;

  @Test
  void workedExample() {
    // with instruction: −mean(−0.5, −1.0, −1.5) = 1.0; alone: −mean(−2, −2) = 2.0 → IFD = 0.5
    double[] conditioned = {-0.5, -1.0, -1.5};
    double[] direct = {-2.0, -2.0};
    assertEquals(1.0, InstructionFollowingDifficulty.meanLoss(conditioned), EPS);
    assertEquals(2.0, InstructionFollowingDifficulty.meanLoss(direct), EPS);
    double ifd = InstructionFollowingDifficulty.fromLogProbs(conditioned, direct);
    assertEquals(0.5, ifd, EPS);
    assertTrue(InstructionFollowingDifficulty.keep(ifd));
  }

  @Test
  void instructionThatHurtsIsDropped() {
    // 3.0 / 2.0 = 1.5 > 1
    double ifd = InstructionFollowingDifficulty.fromLosses(3.0, 2.0);
    assertEquals(1.5, ifd, EPS);
    assertFalse(InstructionFollowingDifficulty.keep(ifd));
    assertTrue(InstructionFollowingDifficulty.keep(1.0));
  }

  @Test
  void zeroDirectLossIsNaNAndNotKept() {
    double ifd = InstructionFollowingDifficulty.fromLosses(0.3, 0.0);
    assertTrue(Double.isNaN(ifd));
    assertFalse(InstructionFollowingDifficulty.keep(ifd));
  }

  @Test
  void rejectsBadLossesAndLogProbs() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> InstructionFollowingDifficulty.fromLosses(-1.0, 2.0));
    assertEquals("conditionedLoss must be finite and >= 0, got -1.0", e.getMessage());
    IllegalArgumentException positive =
        assertThrows(
            IllegalArgumentException.class,
            () -> InstructionFollowingDifficulty.meanLoss(new double[] {-1.0, 0.5}));
    assertEquals(
        "answerLogProbs[1] must be a log-probability <= 0, got 0.5", positive.getMessage());
  }
}
