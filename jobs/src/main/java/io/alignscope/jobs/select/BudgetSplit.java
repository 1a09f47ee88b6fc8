package io.alignscope.jobs.select;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits a row budget over strata (sources) in proportion to their sizes with largest-remainder
 * (Hamilton) rounding, so the shares add up to the budget exactly.
 *
 * <p>Each stratum gets {@code floor(budget × size / total)}; the rows still missing go one each to
 * the strata with the largest fractional parts (ties: larger stratum first, then name). A stratum
 * cannot take more rows than it can supply (its capacity, e.g. rows left after filters): its
 * excess is split again, the same way, over the strata that still have room, until the budget is
 * placed or every stratum is full. Fractions are compared in exact integer arithmetic.
 */
public final class BudgetSplit {
  private BudgetSplit() {}

  /** {@link #split(Map, Map, long)} with every capacity unlimited. */
  public static Map<String, Long> split(Map<String, Long> sizes, long budget) {
    Map<String, Long> unlimited = new TreeMap<>();
    sizes.keySet().forEach(k -> unlimited.put(k, Long.MAX_VALUE));
    return split(sizes, unlimited, budget);
  }

  /**
   * @param sizes stratum sizes (≥ 0) that set the proportions
   * @param capacities the most rows each stratum can give (≥ 0; a stratum missing here has 0)
   * @param budget rows to place (≥ 0)
   * @return rows per stratum (every stratum of {@code sizes}, sorted by name); they sum to {@code
   *     min(budget, Σ capacities)}
   */
  public static Map<String, Long> split(Map<String, Long> sizes, Map<String, Long> capacities, long budget) {
    if (budget < 0) {
      throw new IllegalArgumentException("budget must be >= 0, got " + budget);
    }
    Map<String, Long> assigned = new TreeMap<>();
    for (Map.Entry<String, Long> e : sizes.entrySet()) {
      if (e.getValue() < 0 || capacities.getOrDefault(e.getKey(), 0L) < 0) {
        throw new IllegalArgumentException("stratum " + e.getKey() + " has size " + e.getValue() + " and capacity "
            + capacities.get(e.getKey()) + "; both must be >= 0");
      }
      assigned.put(e.getKey(), 0L);
    }
    long remaining = budget;
    while (remaining > 0) {
      List<String> open = new ArrayList<>();
      for (String s : assigned.keySet()) {
        if (assigned.get(s) < capacities.getOrDefault(s, 0L)) {
          open.add(s);
        }
      }
      if (open.isEmpty()) {
        break;
      }
      // Proportional to size; strata of size 0 share only when every open stratum has size 0.
      boolean bySize = open.stream().anyMatch(s -> sizes.get(s) > 0);
      Map<String, BigInteger> weight = new TreeMap<>();
      BigInteger total = BigInteger.ZERO;
      for (String s : open) {
        long w = bySize ? sizes.get(s) : 1L;
        weight.put(s, BigInteger.valueOf(w));
        total = total.add(BigInteger.valueOf(w));
      }
      Map<String, Long> share = new TreeMap<>();
      Map<String, BigInteger> fraction = new TreeMap<>();
      long placed = 0;
      BigInteger r = BigInteger.valueOf(remaining);
      for (String s : open) {
        BigInteger[] qr = r.multiply(weight.get(s)).divideAndRemainder(total);
        share.put(s, qr[0].longValueExact());
        fraction.put(s, qr[1]);
        placed += qr[0].longValueExact();
      }
      List<String> byRemainder = new ArrayList<>(open);
      byRemainder.sort(Comparator.<String, BigInteger>comparing(fraction::get).reversed()
          .thenComparing(Comparator.<String, BigInteger>comparing(weight::get).reversed())
          .thenComparing(Comparator.naturalOrder()));
      for (int i = 0; i < remaining - placed; i++) {
        String s = byRemainder.get(i);
        share.put(s, share.get(s) + 1);
      }
      for (String s : open) {
        long room = capacities.getOrDefault(s, 0L) - assigned.get(s);
        long give = Math.min(share.get(s), room);
        assigned.put(s, assigned.get(s) + give);
        remaining -= give;
      }
    }
    return assigned;
  }
}
