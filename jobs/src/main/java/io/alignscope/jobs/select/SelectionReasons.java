package io.alignscope.jobs.select;

import java.util.Locale;

/**
 * The {@code selected_because} text of a row: why it is in the subset, or why not.
 *
 * <p>Examples: "rank 12 of 805 by weighted(ifd=1, shift_density=1, isa=1 atypical-first); cosine ≤
 * 0.9 to all selected (max 0.842, to ae-0031)"; "not selected: near-duplicate of ae-0001 (Jaccard
 * 0.93 > 0.8; the smallest id is kept)".
 */
public final class SelectionReasons {
  /** Why a scored row was dropped before ranking, or what the selection walk decided. */
  public enum Status {
    SELECTED("selected"),
    IFD_ABOVE_ONE("ifd-above-one"),
    NEAR_DUPLICATE("near-duplicate"),
    DIVERSITY_FILTERED("diversity-filtered"),
    NOT_REACHED("not-reached");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    /** The column value. */
    public String label() {
      return label;
    }

    /** The status of a column value. */
    public static Status of(String label) {
      for (Status s : values()) {
        if (s.label.equals(label)) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown selection status '" + label + "'");
    }
  }

  /**
   * Everything the text may mention (null where not applicable).
   *
   * @param status the row's status
   * @param rank rank among eligible rows
   * @param rankOf eligible rows
   * @param stratum stratum (source) for the stratified strategy, else null
   * @param stratumRank rank within the stratum
   * @param stratumSize eligible rows of the stratum
   * @param quota the stratum's quota
   * @param similarTo the closest selected row (selected: before it; filtered: the one it clashed with)
   * @param similarity that cosine
   * @param filteredIn "partition" or "final"
   * @param beyondQuota selected after the quotas were exhausted
   * @param duplicateOf near-duplicate with the smallest id
   * @param duplicateSimilarity its Jaccard similarity
   * @param ifd the row's IFD
   */
  public record Facts(Status status, Long rank, Long rankOf, String stratum, Long stratumRank, Long stratumSize,
      Long quota, String similarTo, Double similarity, String filteredIn, boolean beyondQuota, String duplicateOf,
      Double duplicateSimilarity, Double ifd) {}

  /**
   * @param facts the row
   * @param strategy {@link RankingPlan#describe()}
   * @param diversity whether the DEITA filter ran
   * @param threshold τ
   * @param dedupThreshold the Jaccard threshold
   * @param budget the number of rows asked for
   */
  public static String explain(Facts facts, String strategy, boolean diversity, double threshold,
      double dedupThreshold, long budget) {
    return switch (facts.status()) {
      case IFD_ABOVE_ONE -> "not selected: IFD " + fmt(facts.ifd()) + " > 1 (select.drop-ifd-above-one)";
      case NEAR_DUPLICATE -> "not selected: near-duplicate of " + facts.duplicateOf() + " (Jaccard "
          + fmt(facts.duplicateSimilarity()) + " > " + fmt(dedupThreshold) + "; the smallest id is kept)";
      case SELECTED -> {
        StringBuilder b = new StringBuilder(position(facts, strategy));
        if (diversity) {
          b.append("; cosine ≤ ").append(fmt(threshold)).append(" to all selected");
          if (facts.similarTo() != null) {
            b.append(" (max ").append(fmt(facts.similarity())).append(", to ").append(facts.similarTo()).append(')');
          }
        }
        if (facts.beyondQuota()) {
          b.append("; taken beyond its source's quota because other sources ran out of diverse rows");
        }
        yield b.toString();
      }
      case DIVERSITY_FILTERED -> "not selected: " + position(facts, strategy) + "; cosine "
          + fmt(facts.similarity()) + " > " + fmt(threshold) + " to " + facts.similarTo()
          + ("partition".equals(facts.filteredIn())
              ? " (kept before it in its partition's walk: the distributed approximation)" : " (selected)");
      case NOT_REACHED -> "not selected: " + position(facts, strategy) + "; the budget of " + budget
          + (facts.stratum() == null ? "" : " (quota " + facts.quota() + " for this source)") + " was filled first";
    };
  }

  private static String position(Facts f, String strategy) {
    String s = "rank " + f.rank() + " of " + f.rankOf() + " by " + strategy;
    if (f.stratum() != null) {
      s += " (rank " + f.stratumRank() + " of " + f.stratumSize() + " in source '" + f.stratum() + "', quota "
          + f.quota() + ")";
    }
    return s;
  }

  static String fmt(Double v) {
    if (v == null) {
      return "n/a";
    }
    String s = String.format(Locale.ROOT, "%.3f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
