package io.alignscope.jobs.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Largest-remainder budget splits worked by hand. */
class BudgetSplitTest {

  private static Map<String, Long> map(Object... kv) {
    Map<String, Long> m = new TreeMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], ((Number) kv[i + 1]).longValue());
    }
    return m;
  }

  /**
   * AlpacaEval's sources (805 rows), budget 80: exact shares 252·80/805 = 25.04, 188·80/805 =
   * 18.68, 156·80/805 = 15.50, 129·80/805 = 12.82, 80·80/805 = 7.95. Floors 25 + 18 + 15 + 12 + 7 =
   * 77; the 3 missing rows go to the largest fractions .95 (vicuna), .82 (helpful_base), .68
   * (oasst): 25, 19, 15, 13, 8.
   */
  @Test
  void alpacaEvalSourcesByHand() {
    Map<String, Long> sizes = map("selfinstruct", 252, "oasst", 188, "koala", 156, "helpful_base", 129, "vicuna", 80);
    Map<String, Long> split = BudgetSplit.split(sizes, 80);
    assertEquals(map("selfinstruct", 25, "oasst", 19, "koala", 15, "helpful_base", 13, "vicuna", 8), split);
    assertEquals(80, split.values().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void exactSharesNeedNoRounding() {
    assertEquals(map("a", 5, "b", 3, "c", 2), BudgetSplit.split(map("a", 50, "b", 30, "c", 20), 10));
  }

  /** Shares 3.5, 3.5, 3.0: one row left, tied fractions and sizes → the first name. */
  @Test
  void tiesGoToTheLargerStratumThenTheName() {
    assertEquals(map("a", 4, "b", 3, "c", 3), BudgetSplit.split(map("a", 7, "b", 7, "c", 6), 10));
    // shares 1.5 (size 3) and 1.5 (size 3) vs 0 → "x" before "y"
    assertEquals(map("x", 2, "y", 1, "z", 0), BudgetSplit.split(map("y", 3, "x", 3, "z", 0), 3));
    // equal fractions .5: the larger stratum wins (sizes 5 and 3 of budget 4 → 2.5, 1.5)
    assertEquals(map("big", 3, "small", 1), BudgetSplit.split(map("big", 5, "small", 3), 4));
  }

  /**
   * Sizes 60/40, budget 20 → 12/8, but b can give only 5: its 3 extra rows go back to the strata
   * with room (only a) → 15/5.
   */
  @Test
  void capacityOverflowIsRedistributed() {
    assertEquals(map("a", 15, "b", 5), BudgetSplit.split(map("a", 60, "b", 40), map("a", 50, "b", 5), 20));
    // a budget above every capacity gives the capacities
    assertEquals(map("a", 2, "b", 1), BudgetSplit.split(map("a", 60, "b", 40), map("a", 2, "b", 1), 20));
    // three strata: 50/30/20 of 10 → 5/3/2; c has room for 1 → its extra row splits 50:30 → a (5/8 > 3/8)
    assertEquals(map("a", 6, "b", 3, "c", 1), BudgetSplit.split(map("a", 50, "b", 30, "c", 20),
        map("a", 100, "b", 100, "c", 1), 10));
  }

  @Test
  void totalsAreExactForManyBudgets() {
    Map<String, Long> sizes = map("a", 13, "b", 7, "c", 101, "d", 1, "e", 29);
    for (long budget = 0; budget <= 151; budget++) {
      long sum = BudgetSplit.split(sizes, sizes, budget).values().stream().mapToLong(Long::longValue).sum();
      assertEquals(Math.min(budget, 151), sum, "budget " + budget);
    }
  }

  @Test
  void rejectsNegativeValues() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BudgetSplit.split(map("a", 1), -1));
    assertEquals("budget must be >= 0, got -1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BudgetSplit.split(map("a", -3), 1));
  }
}
