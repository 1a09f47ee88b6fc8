package io.alignscope.jobs.exec;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Test-only: an output iterator that fails after emitting half its rows, as a killed task would. */
final class FaultInjection {
  private FaultInjection() {}

  static <T> Iterator<T> failHalfway(List<T> rows) {
    int failAt = rows.size() / 2;
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < rows.size();
      }

      @Override
      public T next() {
        if (next >= rows.size()) {
          throw new NoSuchElementException();
        }
        if (next == failAt) {
          throw new IllegalStateException("injected failure (testing.fail-once-*) after " + failAt + " rows");
        }
        return rows.get(next++);
      }
    };
  }
}
