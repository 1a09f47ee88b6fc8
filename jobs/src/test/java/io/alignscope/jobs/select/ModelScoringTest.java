package io.alignscope.jobs.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.alignscope.jobs.config.ConfigLoader;
import io.alignscope.jobs.config.JobConfig;
import io.alignscope.jobs.exec.PartitionProgress;
import io.alignscope.jobs.exec.PreparedPrompt;
import io.alignscope.jobs.exec.PromptPreparer;
import io.alignscope.jobs.exec.PromptRecord;
import io.alignscope.jobs.exec.StageReject;
import io.alignscope.jobs.models.ExecutorModels;
import io.alignscope.jobs.models.LoadedModel;
import io.alignscope.lm.infer.PaddedBatch;
import io.alignscope.lm.infer.Padding;
import io.alignscope.lm.infer.PairScores;
import io.alignscope.lm.infer.TeacherForcedScorer;
import io.alignscope.lm.infer.TokenScores;
import io.alignscope.lm.text.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The model pass against independent, one-example-at-a-time computations with the scorer and the
 * model: IFD, shift density, KL, entropy, preference margins and the embedding.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelScoringTest {
  private LoadedModel base;
  private LoadedModel aligned;
  private final Map<String, ModelScores> scores = new TreeMap<>();
  private final Map<String, PreparedPrompt> prepared = new TreeMap<>();
  private final List<StageReject> rejects = new ArrayList<>();

  private static PromptRecord record(String id, String prompt, String response, String chosen, String rejected) {
    return new PromptRecord(id, prompt, response, "test", List.of(Message.user(prompt)), chosen, rejected,
        "test#" + id);
  }

  @BeforeAll
  void score() throws Exception {
    Path cache = Files.createTempDirectory("select-model-cache");
    List<String> overrides = new ArrayList<>(TinyPair.overrides());
    overrides.add("models.cache-dir=\"" + cache + "\"");
    overrides.add("batch.max-rows=2");
    JobConfig config = ConfigLoader.load(overrides);
    base = ExecutorModels.get(config.models().base(), config.models(), new Configuration(), Device.cpu());
    aligned = ExecutorModels.get(config.models().aligned(), config.models(), new Configuration(), Device.cpu());
    List<PromptRecord> records = List.of(
        record("r1", "Name three colors.", "Red, green and blue.", null, null),
        record("r2", "What is the capital of France?", "The capital of France is Paris, a city on the Seine.", null,
            null),
        record("r3", "Write one word.", "Hello", null, null),
        record("p1", "Give me a tip for sleeping well.", null, "Keep a regular bedtime and avoid screens late.",
            "Sleep is overrated, just drink coffee."),
        record("m1", "A prompt without any answer.", null, null, null));
    PromptPreparer.Outcome outcome = new PromptPreparer(base, aligned, config.tokenLimits()).prepare(records, true);
    outcome.prepared().forEach(p -> prepared.put(p.record().id(), p));
    rejects.addAll(outcome.rejects());
    ModelScoring scoring = new ModelScoring(base, aligned, config.batch(), config.tokenLimits());
    assertEquals(IfdContext.BOS, scoring.ifdContext());
    for (ModelScores s : scoring.score(outcome.prepared(), new PartitionProgress("select", 0, records.size()),
        rejects)) {
      scores.put(s.id(), s);
    }
  }

  @Test
  void rowsWithoutAnAnswerAreRejected() {
    assertEquals(List.of("p1", "r1", "r2", "r3"), List.copyOf(scores.keySet()));
    assertEquals(1, rejects.size());
    assertEquals("m1", rejects.get(0).record().id());
    assertEquals(ModelScoring.MISSING_ANSWER, rejects.get(0).reason());
  }

  /** IFD = mean NLL after the base prompt / mean NLL after [BOS], each scored on its own. */
  @Test
  void ifdMatchesSeparateScoring() {
    TeacherForcedScorer scorer = TeacherForcedScorer.defaults();
    for (String id : List.of("r1", "r2", "r3", "p1")) {
      PreparedPrompt p = prepared.get(id);
      TokenScores conditioned = scorer.score(base.model(), List.of(p.basePrompt()), List.of(p.answer())).get(0);
      TokenScores alone = scorer.score(base.model(), List.of(new long[] {base.tokenizer().bosId()}),
          List.of(p.answer())).get(0);
      AnswerStats a = scores.get(id).answer();
      assertEquals(p.answer().length, a.tokens());
      assertEquals(conditioned.meanNll(), a.conditionedLoss(), 1e-4, id);
      assertEquals(alone.meanNll(), a.directLoss(), 1e-4, id);
      assertEquals(conditioned.meanNll() / alone.meanNll(), a.ifd(), 1e-4, id);
      assertEquals("bos", scores.get(id).context().label());
    }
  }

  /** Shift density, mean KL, entropy against one scorePair call per answer. */
  @Test
  void shiftAndKlMatchSeparateScoring() {
    TeacherForcedScorer scorer = TeacherForcedScorer.defaults();
    for (String id : List.of("r1", "r2", "p1")) {
      PreparedPrompt p = prepared.get(id);
      PairScores pair = scorer.scorePair(aligned.model(), List.of(p.alignedPrompt()), base.model(),
          List.of(p.basePrompt()), List.of(p.answer())).get(0);
      int shifted = 0;
      double kl = 0;
      double entropy = 0;
      for (int t = 0; t < p.answer().length; t++) {
        shifted += pair.other().rank()[t] > 3 ? 1 : 0;
        kl += pair.kl()[t];
        entropy += pair.other().entropy()[t];
      }
      int n = p.answer().length;
      AnswerStats a = scores.get(id).answer();
      assertEquals((double) shifted / n, a.shiftDensity(), 1e-12, id);
      assertEquals(kl / n, a.meanKl(), 1e-5, id);
      assertEquals(entropy / n, a.answerEntropy(), 1e-4, id);
      assertEquals(Math.exp(a.answerEntropy()), a.answerBf(), 1e-9);
    }
  }

  /** Chosen is the answer; the rejected answer's IFD, KL and the margin from separate scoring. */
  @Test
  void preferenceRowsScoreBothAnswers() {
    assertNull(scores.get("r1").preference());
    PreparedPrompt p = prepared.get("p1");
    assertEquals(List.of(aligned.tokenizer().encode(p.record().chosen())).get(0).length, p.answer().length);
    long[] rejected = aligned.tokenizer().encode(p.record().rejected());
    TeacherForcedScorer scorer = TeacherForcedScorer.defaults();
    PairScores chosenPair = scorer.scorePair(aligned.model(), List.of(p.alignedPrompt()), base.model(),
        List.of(p.basePrompt()), List.of(p.answer())).get(0);
    PairScores rejectedPair = scorer.scorePair(aligned.model(), List.of(p.alignedPrompt()), base.model(),
        List.of(p.basePrompt()), List.of(rejected)).get(0);
    TokenScores rejectedAlone = scorer.score(base.model(), List.of(new long[] {base.tokenizer().bosId()}),
        List.of(rejected)).get(0);
    PreferenceStats pref = scores.get("p1").preference();
    assertNotNull(pref);
    assertEquals(rejected.length, pref.rejectedTokens());
    assertEquals(rejectedPair.other().meanNll() / rejectedAlone.meanNll(), pref.rejectedIfd(), 1e-4);
    double margin = -chosenPair.reference().meanNll() + rejectedPair.reference().meanNll();
    assertEquals(margin, pref.preferenceMargin(), 1e-4);
    double baseMargin = -chosenPair.other().meanNll() + rejectedPair.other().meanNll();
    assertEquals(baseMargin, pref.basePreferenceMargin(), 1e-4);
  }

  /** The embedding: the base model's final hidden state at the last answer token, L2-normalised. */
  @Test
  void embeddingIsTheLastHiddenState() {
    for (String id : List.of("r1", "r3")) {
      PreparedPrompt p = prepared.get(id);
      long[] seq = new long[p.basePrompt().length + p.answer().length];
      System.arraycopy(p.basePrompt(), 0, seq, 0, p.basePrompt().length);
      System.arraycopy(p.answer(), 0, seq, p.basePrompt().length, p.answer().length);
      float[] expected;
      try (NDManager scope = base.model().manager().newSubManager()) {
        PaddedBatch batch = PaddedBatch.of(List.of(seq), Padding.RIGHT, scope);
        NDArray hidden = base.model().hidden(batch.ids(), batch.mask(), null);
        float[] last = hidden.get(new NDIndex("0, {}, :", seq.length - 1)).toFloatArray();
        expected = Embeddings.normalised(last, 0, last.length);
      }
      float[] actual = scores.get(id).embedding();
      assertEquals(base.model().config().hiddenSize(), actual.length);
      double norm = 0;
      for (int j = 0; j < actual.length; j++) {
        assertEquals(expected[j], actual[j], 1e-4, id + " dim " + j);
        norm += actual[j] * actual[j];
      }
      assertEquals(1.0, norm, 1e-5);
    }
    assertTrue(scores.get("r1").embedding().length > 0);
  }
}
