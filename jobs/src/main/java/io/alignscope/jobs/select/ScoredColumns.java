package io.alignscope.jobs.select;

import io.alignscope.jobs.config.SelectionScore;
import io.alignscope.jobs.ingest.CanonicalSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * The columns of {@code select/scored}, in order:
 *
 * <ol>
 *   <li>input: {@code id, prompt, response, source, chosen, rejected};
 *   <li>the selection scores, one per {@link SelectionScore}: {@code ifd, shift_density, mean_kl,
 *       answer_entropy, isa, zipfit, length};
 *   <li>model details ({@link ModelScoreSchema}): {@code ifd_context, conditioned_loss, direct_loss,
 *       answer_bf, aligned_mean_logprob, base_mean_logprob}, and for preference data {@code
 *       rejected_tokens, rejected_ifd, rejected_mean_kl, preference_margin,
 *       base_preference_margin};
 *   <li>ISA: {@code isa_loglik} (mixture log-likelihood; {@code isa} is ΔH from it);
 *   <li>text heuristics ({@link TextQuality}): {@code prompt_words, answer_words, answer_chars,
 *       repeated_ngram_ratio, symbol_ratio};
 *   <li>dedup ({@link NearDuplicates}): {@code shingle_count, duplicate_of,
 *       duplicate_similarity};
 *   <li>ranking ({@link Ranking}): {@code eligible} (survived the IFD and dedup filters), {@code
 *       stratum, quota, rank_value, rank, rank_of, stratum_rank, stratum_size, walk_position}
 *       (null for rows that were not eligible);
 *   <li>selection ({@link DiversitySelection}): {@code selection_status} (selected, ifd-above-one,
 *       near-duplicate, diversity-filtered, not-reached), {@code selection_order, similar_to,
 *       similarity, filtered_in, beyond_quota}, {@code selected} (boolean), {@code
 *       selected_because} ({@link SelectionReasons});
 *   <li>{@code embedding}: the L2-normalised embedding (array&lt;float&gt;).
 * </ol>
 */
public final class ScoredColumns {
  private ScoredColumns() {}

  /** The column names in order. */
  public static List<String> names() {
    List<String> names = new ArrayList<>(List.of(CanonicalSchema.ID, CanonicalSchema.PROMPT, CanonicalSchema.RESPONSE,
        CanonicalSchema.SOURCE, CanonicalSchema.CHOSEN, CanonicalSchema.REJECTED));
    for (SelectionScore s : SelectionScore.values()) {
      names.add(s.column());
    }
    names.addAll(List.of(ModelScoreSchema.IFD_CONTEXT, "conditioned_loss", "direct_loss", "answer_bf",
        "aligned_mean_logprob", "base_mean_logprob", "rejected_tokens", "rejected_ifd", "rejected_mean_kl",
        "preference_margin", "base_preference_margin", IsaScores.LOG_LIKELIHOOD));
    for (String f : TextScores.QUALITY_TYPE.fieldNames()) {
      names.add(f);
    }
    names.addAll(List.of(NearDuplicates.SHINGLE_COUNT, NearDuplicates.DUPLICATE_OF,
        NearDuplicates.DUPLICATE_SIMILARITY, Selector.ELIGIBLE, Ranking.STRATUM, Selector.QUOTA, Ranking.RANK_VALUE,
        Ranking.RANK, Ranking.RANK_OF, Ranking.STRATUM_RANK, Ranking.STRATUM_SIZE, Ranking.WALK,
        DiversitySelection.STATUS, DiversitySelection.ORDER, DiversitySelection.SIMILAR_TO,
        DiversitySelection.SIMILARITY, DiversitySelection.FILTERED_IN, DiversitySelection.BEYOND_QUOTA,
        Selector.SELECTED, Selector.BECAUSE, ModelScoreSchema.EMBEDDING));
    return names;
  }

  /** {@link #names()} as columns. */
  public static Column[] columns() {
    return names().stream().map(functions::col).toArray(Column[]::new);
  }

  /** The score columns the summary describes. */
  public static List<String> distributionColumns() {
    List<String> names = new ArrayList<>();
    for (SelectionScore s : SelectionScore.values()) {
      names.add(s.column());
    }
    names.addAll(List.of("answer_bf", "rejected_ifd", "rejected_mean_kl", "preference_margin", "answer_words",
        "repeated_ngram_ratio", "symbol_ratio"));
    return names;
  }
}
