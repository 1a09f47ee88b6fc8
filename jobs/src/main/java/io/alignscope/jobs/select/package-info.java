/**
 * The data-selection stage (METHODS.md section 4): which examples are worth aligning on.
 *
 * <p>{@link io.alignscope.jobs.select.SelectionStage#run} is the entry point. One distributed model
 * pass ({@link io.alignscope.jobs.select.SelectionFunction}, {@link
 * io.alignscope.jobs.select.ModelScoring}) measures per example IFD under the base model, shift
 * density and mean KL(aligned ‖ base), answer entropy, length, the preference margin of
 * preference data and the base model's last-token embedding. Then, on Spark without models
 * ({@link io.alignscope.jobs.select.Selector}): ZIP-FIT and text heuristics ({@link
 * io.alignscope.jobs.select.TextScores}), ISA with PCA and a Gaussian mixture ({@link
 * io.alignscope.jobs.select.IsaScores}), MinHash near-duplicates ({@link
 * io.alignscope.jobs.select.NearDuplicates}), the strategy's ranking ({@link
 * io.alignscope.jobs.select.Ranking}) and the distributed DEITA diversity walk ({@link
 * io.alignscope.jobs.select.DiversitySelection}).
 *
 * <p>The logic lives in plain classes with their own tests: {@link
 * io.alignscope.jobs.select.AnswerStats}, {@link io.alignscope.jobs.select.IfdContext}, {@link
 * io.alignscope.jobs.select.BudgetSplit}, {@link io.alignscope.jobs.select.DiversityMerge}, {@link
 * io.alignscope.jobs.select.MixtureLogLikelihood}, {@link io.alignscope.jobs.select.RankingPlan},
 * {@link io.alignscope.jobs.select.SelectionReasons}, {@link io.alignscope.jobs.select.Shingles},
 * {@link io.alignscope.jobs.select.TextQuality} and {@link io.alignscope.jobs.select.SeededOrder}.
 */
package io.alignscope.jobs.select;
