package io.alignscope.jobs.select;

import io.alignscope.stats.CosineSimilarity;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * DEITA's diversity filter (walk the ranking, accept a row only if its cosine similarity to every
 * accepted row is at most τ, until the budget) in two steps that scale out:
 *
 * <ol>
 *   <li>{@link #walkPartition}: every partition walks its own rows in global walk order and keeps
 *       the rows that pass τ against the rows it kept before, up to a cap per stratum;
 *   <li>{@link #merge}: the driver walks the union of those candidates in global walk order and
 *       runs the exact greedy filter over them until the budget (per-stratum quotas first, then,
 *       if some stratum ran dry, any stratum).
 * </ol>
 *
 * <p>What is exact: τ holds between every pair of selected rows, because the final walk checks
 * every selected pair. What is approximate: a row that its partition dropped (too similar to a row
 * the partition kept) never reaches the final walk, although the sequential walk over all rows
 * might have accepted it, namely when the row that blocked it is itself dropped in the final walk.
 * The selection is therefore the exact greedy result over the partitions' candidates, not always
 * over all rows.
 *
 * <p>Caps: a partition stops taking rows of a stratum once it has {@code cap} of them; its later
 * rows of that stratum are {@link Outcome#NOT_REACHED}. Every row at or after the earliest such
 * row in walk order (the horizon) may be missing from the candidates. {@link #merge} reports
 * whether its result could depend on missing rows ({@link MergeResult#exact()} false); the caller
 * then repeats the partition walk with larger caps.
 */
public final class DiversityMerge {
  /** No partition stopped early: nothing is missing. */
  public static final long NO_HORIZON = Long.MAX_VALUE;

  private DiversityMerge() {}

  /**
   * A ranked row.
   *
   * @param id corpus id (ties in walk order are broken by id)
   * @param stratum its stratum (source for the stratified strategy, one shared stratum otherwise)
   * @param position its place in the global walk order (1 = first)
   * @param embedding its embedding (any non-zero length, the same for all rows)
   */
  public record Candidate(String id, String stratum, long position, float[] embedding) implements Serializable {}

  /** What a walk decided about a row. */
  public enum Outcome {
    /** Kept (partition walk) or selected (merge). */
    ACCEPTED,
    /** Cosine above τ to a row accepted before it. */
    TOO_SIMILAR,
    /** Not looked at: its stratum's cap or quota was full, or the budget was reached. */
    NOT_REACHED
  }

  /**
   * One row's outcome in a partition walk.
   *
   * @param candidate the row
   * @param outcome the decision
   * @param similarTo for {@link Outcome#TOO_SIMILAR}: the accepted row it is closest to
   * @param cosine for {@link Outcome#TOO_SIMILAR}: that cosine
   */
  public record Decision(Candidate candidate, Outcome outcome, String similarTo, double cosine) {}

  /**
   * The partition step: walks {@code rows} (already in walk order) and decides each.
   *
   * @param rows this partition's rows in ascending position
   * @param threshold τ
   * @param caps most rows kept per stratum (a stratum missing here keeps none)
   * @return one decision per row, in input order
   */
  public static List<Decision> walkPartition(Iterator<Candidate> rows, double threshold, Map<String, Integer> caps) {
    PartitionWalker walker = new PartitionWalker(threshold, caps);
    List<Decision> out = new ArrayList<>();
    rows.forEachRemaining(c -> out.add(walker.decide(c)));
    return out;
  }

  /**
   * The partition step one row at a time (so a partition streams through and only the kept rows'
   * embeddings stay in memory).
   */
  public static final class PartitionWalker {
    private final double threshold;
    private final Map<String, Integer> caps;
    private final List<Vec> kept = new ArrayList<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private long previous = Long.MIN_VALUE;

    /**
     * @param threshold τ
     * @param caps most rows kept per stratum (a stratum missing here keeps none)
     */
    public PartitionWalker(double threshold, Map<String, Integer> caps) {
      this.threshold = threshold;
      this.caps = Map.copyOf(caps);
    }

    /** The decision about the next row; rows must come in ascending position. */
    public Decision decide(Candidate c) {
      if (c.position() < previous) {
        throw new IllegalArgumentException("rows must come in walk order: " + c.position() + " after " + previous);
      }
      previous = c.position();
      int count = counts.getOrDefault(c.stratum(), 0);
      if (count >= caps.getOrDefault(c.stratum(), 0)) {
        return new Decision(c, Outcome.NOT_REACHED, null, Double.NaN);
      }
      Vec v = new Vec(c);
      Closest closest = closest(v, kept);
      if (closest != null && closest.cosine > threshold) {
        return new Decision(c, Outcome.TOO_SIMILAR, closest.id, closest.cosine);
      }
      kept.add(v);
      counts.put(c.stratum(), count + 1);
      return new Decision(c, Outcome.ACCEPTED, null, Double.NaN);
    }
  }

  /**
   * A selected row.
   *
   * @param candidate the row
   * @param order 1-based order of selection
   * @param maxCosine its largest cosine to a row selected before it (NaN for the first)
   * @param closestId that row
   * @param beyondQuota selected in the fill-up walk after its stratum's quota was used up
   */
  public record Selected(Candidate candidate, int order, double maxCosine, String closestId, boolean beyondQuota) {}

  /**
   * A candidate the final walk refused.
   *
   * @param candidate the row
   * @param similarTo the selected row it is closest to
   * @param cosine that cosine (above τ)
   */
  public record Clash(Candidate candidate, String similarTo, double cosine) {}

  /**
   * @param selected the selected rows in selection order
   * @param clashes candidates refused because of a selected row
   * @param budget the rows asked for (Σ quotas)
   * @param exact false when rows missing from the candidates (at or beyond the horizon) could have
   *     changed the result: repeat with larger caps
   */
  public record MergeResult(List<Selected> selected, List<Clash> clashes, long budget, boolean exact) {

    /** Rows short of the budget. */
    public long shortfall() {
      return budget - selected.size();
    }
  }

  /**
   * The final step: the exact greedy walk over the candidates in walk order. First each stratum
   * takes rows until its quota; if the walk ends with quotas unfilled (strata ran out of diverse
   * rows), the rows skipped for a full quota are walked again in order and fill the rest of the
   * budget.
   *
   * @param candidates the partitions' accepted rows, any order
   * @param threshold τ
   * @param quotas rows per stratum; the budget is their sum
   * @param horizon the earliest position a partition left unwalked, or {@link #NO_HORIZON}
   */
  public static MergeResult merge(List<Candidate> candidates, double threshold, Map<String, Long> quotas,
      long horizon) {
    List<Candidate> ordered = new ArrayList<>(candidates);
    ordered.sort(Comparator.comparingLong(Candidate::position).thenComparing(Candidate::id));
    long budget = quotas.values().stream().mapToLong(Long::longValue).sum();
    List<Vec> chosen = new ArrayList<>();
    List<Selected> selected = new ArrayList<>();
    List<Clash> clashes = new ArrayList<>();
    List<Candidate> skipped = new ArrayList<>();
    Map<String, Long> taken = new HashMap<>();
    long lastPosition = Long.MIN_VALUE;
    for (Candidate c : ordered) {
      if (selected.size() >= budget) {
        break;
      }
      long t = taken.getOrDefault(c.stratum(), 0L);
      if (t >= quotas.getOrDefault(c.stratum(), 0L)) {
        skipped.add(c);
        continue;
      }
      if (offer(c, threshold, chosen, selected, clashes, false)) {
        taken.put(c.stratum(), t + 1);
        lastPosition = c.position();
      }
    }
    boolean quotasFilled = selected.size() >= budget;
    for (Candidate c : skipped) {
      if (selected.size() >= budget) {
        break;
      }
      offer(c, threshold, chosen, selected, clashes, true);
    }
    boolean exact = horizon == NO_HORIZON || (quotasFilled && lastPosition < horizon);
    return new MergeResult(selected, clashes, budget, exact);
  }

  private static boolean offer(Candidate c, double threshold, List<Vec> chosen, List<Selected> selected,
      List<Clash> clashes, boolean beyondQuota) {
    Vec v = new Vec(c);
    Closest closest = closest(v, chosen);
    if (closest != null && closest.cosine > threshold) {
      clashes.add(new Clash(c, closest.id, closest.cosine));
      return false;
    }
    chosen.add(v);
    selected.add(new Selected(c, selected.size() + 1, closest == null ? Double.NaN : closest.cosine,
        closest == null ? null : closest.id, beyondQuota));
    return true;
  }

  private static Closest closest(Vec v, List<Vec> others) {
    Closest best = null;
    for (Vec o : others) {
      double cos = CosineSimilarity.of(v.values, v.norm, o.values, o.norm);
      if (best == null || cos > best.cosine) {
        best = new Closest(o.id, cos);
      }
    }
    return best;
  }

  private record Closest(String id, double cosine) {}

  /** An embedding as doubles with its norm, computed once. */
  private static final class Vec {
    final String id;
    final double[] values;
    final double norm;

    Vec(Candidate c) {
      this.id = c.id();
      this.values = Embeddings.toDoubles(c.embedding());
      this.norm = CosineSimilarity.norm(values);
    }
  }
}
