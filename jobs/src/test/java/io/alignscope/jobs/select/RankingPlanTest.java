package io.alignscope.jobs.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alignscope.jobs.config.ConfigException;
import io.alignscope.jobs.config.ConfigLoader;
import io.alignscope.jobs.config.JobConfig;
import io.alignscope.jobs.config.SelectionScore;
import io.alignscope.jobs.select.SelectionReasons.Facts;
import io.alignscope.jobs.select.SelectionReasons.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strategy descriptions, directions, config checks and the selected_because texts. */
class RankingPlanTest {

  private static RankingPlan plan(String... overrides) {
    JobConfig config = ConfigLoader.load(List.of(overrides));
    return RankingPlan.of(config.select());
  }

  @Test
  void descriptions() {
    assertEquals("weighted(ifd=1, shift_density=1, isa=1 atypical-first)", plan().describe());
    assertEquals("top-k(ifd, highest first)", plan("select.strategy=top-k").describe());
    assertEquals("top-k(isa, lowest first, atypical-first)",
        plan("select.strategy=top-k", "select.score=isa").describe());
    assertEquals("top-k(isa, highest first, typical-first)",
        plan("select.strategy=top-k", "select.score=isa", "select.isa.order=typical-first").describe());
    assertEquals("stratified by source, weighted(ifd=0.5, length=-1)", plan("select.strategy=stratified",
        "select.weights.ifd=0.5", "select.weights.shift-density=0", "select.weights.isa=0", "select.weights.length=-1")
        .describe());
    assertEquals("random(seed=7)", plan("select.strategy=random").describe());
  }

  @Test
  void directions() {
    RankingPlan p = plan();
    assertTrue(p.prefersHigh(SelectionScore.IFD));
    assertFalse(p.prefersHigh(SelectionScore.ISA));
    assertTrue(plan("select.isa.order=typical-first").prefersHigh(SelectionScore.ISA));
    assertEquals(java.util.EnumSet.of(SelectionScore.IFD, SelectionScore.SHIFT_DENSITY, SelectionScore.ISA),
        p.scoresUsed());
  }

  @Test
  void allZeroWeightsFailFast() {
    ConfigException e = assertThrows(ConfigException.class, () -> plan("select.weights.ifd=0",
        "select.weights.shift-density=0", "select.weights.isa=0"));
    assertTrue(e.getMessage().contains("select.weights are all 0; the weighted strategy needs at least one non-zero weight"),
        e.getMessage());
    // the random strategy does not read weights
    assertEquals("random(seed=3)", plan("select.strategy=random", "select.seed=3", "select.weights.ifd=0",
        "select.weights.shift-density=0", "select.weights.isa=0").describe());
  }

  @Test
  void reasons() {
    String strategy = "weighted(ifd=1)";
    Facts selected = new Facts(Status.SELECTED, 12L, 805L, null, 12L, 805L, 80L, "ae-0031", 0.8421, null, false,
        null, null, 0.9);
    assertEquals("rank 12 of 805 by weighted(ifd=1); cosine ≤ 0.9 to all selected (max 0.842, to ae-0031)",
        SelectionReasons.explain(selected, strategy, true, 0.9, 0.8, 80));
    assertEquals("rank 12 of 805 by weighted(ifd=1)", SelectionReasons.explain(selected, strategy, false, 0.9, 0.8, 80));
    Facts stratified = new Facts(Status.NOT_REACHED, 300L, 700L, "koala", 40L, 120L, 15L, null, null, null, false,
        null, null, 0.9);
    assertEquals("not selected: rank 300 of 700 by weighted(ifd=1) (rank 40 of 120 in source 'koala', quota 15); "
        + "the budget of 80 (quota 15 for this source) was filled first",
        SelectionReasons.explain(stratified, strategy, true, 0.9, 0.8, 80));
    Facts dup = new Facts(Status.NEAR_DUPLICATE, null, null, null, null, null, null, null, null, null, false,
        "ae-0001", 0.9333, 0.9);
    assertEquals("not selected: near-duplicate of ae-0001 (Jaccard 0.933 > 0.8; the smallest id is kept)",
        SelectionReasons.explain(dup, strategy, true, 0.9, 0.8, 80));
    Facts ifd = new Facts(Status.IFD_ABOVE_ONE, null, null, null, null, null, null, null, null, null, false, null,
        null, 1.0425);
    assertEquals("not selected: IFD 1.043 > 1 (select.drop-ifd-above-one)",
        SelectionReasons.explain(ifd, strategy, true, 0.9, 0.8, 80));
    Facts filtered = new Facts(Status.DIVERSITY_FILTERED, 5L, 805L, null, 5L, 805L, 80L, "ae-0002", 0.95, "partition",
        false, null, null, 0.9);
    assertEquals("not selected: rank 5 of 805 by weighted(ifd=1); cosine 0.95 > 0.9 to ae-0002 (kept before it in "
        + "its partition's walk: the distributed approximation)",
        SelectionReasons.explain(filtered, strategy, true, 0.9, 0.8, 80));
  }
}
