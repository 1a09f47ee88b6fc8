package io.alignscope.jobs.exec;

import io.alignscope.jobs.config.BatchSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Groups items into model batches by a token budget: items are sorted by length (ties by key, so
 * the grouping is deterministic), and a batch grows while {@code rows x longest <= maxTokens} and
 * {@code rows <= maxRows}. Sorting keeps padding small. A single item over the budget still forms
 * its own batch.
 */
public final class TokenBudgetBatcher {
  private TokenBudgetBatcher() {}

  /**
   * @param tokens padded length of one row of an item
   * @param rowsPerItem model rows per item (e.g. samples per prompt)
   * @param key stable tie-breaker
   */
  public static <T> List<List<T>> batches(List<T> items, ToIntFunction<T> tokens, int rowsPerItem,
      Function<T, String> key, BatchSettings settings) {
    List<T> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparingInt(tokens).thenComparing(key));
    List<List<T>> batches = new ArrayList<>();
    List<T> current = new ArrayList<>();
    int longest = 0;
    for (T item : sorted) {
      int length = Math.max(longest, tokens.applyAsInt(item));
      long rows = (long) (current.size() + 1) * rowsPerItem;
      boolean fits = rows * length <= settings.maxTokens() && rows <= settings.maxRows();
      if (!current.isEmpty() && !fits) {
        batches.add(current);
        current = new ArrayList<>();
        length = tokens.applyAsInt(item);
      }
      current.add(item);
      longest = length;
    }
    if (!current.isEmpty()) {
      batches.add(current);
    }
    return batches;
  }
}
