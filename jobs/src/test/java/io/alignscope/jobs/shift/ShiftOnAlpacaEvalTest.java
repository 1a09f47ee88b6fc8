package io.alignscope.jobs.shift;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alignscope.jobs.pipeline.Pipeline;
import io.alignscope.lm.checkpoint.Checkpoint;
import io.alignscope.lm.text.ChatTemplateFormat;
import io.alignscope.lm.text.LmTokenizer;
import io.alignscope.lm.text.Message;
import io.alignscope.lm.text.WrapperFormat;
import io.alignscope.lm.tiny.EmbeddedModels;
import java.nio.file.Files;
import io.alignscope.jobs.testing.RunConfigs;
import io.alignscope.jobs.testing.SparkTests;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.collection.Seq;

/**
 * The shift stage on the real AlpacaEval answers of Llama-2-7b-chat (805 rows), scored by the
 * tiny pair: every given response is scored, and every summary equals what the per-position
 * rows say when recomputed here.
 */
class ShiftOnAlpacaEvalTest {
  @TempDir static Path dir;
  static SparkSession spark;
  static List<Row> examples;
  static Row summary;
  static long rejects;

  @BeforeAll
  static void run() {
    spark = SparkTests.session("ShiftOnAlpacaEvalTest", "local[2]");
    Path corpus = SparkTests.sharedData().resolve("alpaca_eval_llama-2-7b-chat.jsonl");
    new Pipeline(spark, RunConfigs.quick(dir, "corpus.path=" + corpus, "run.stages=[shift]", "shift.answers=response",
        "shift.position-bins=4")).run();
    examples = spark.read().parquet(dir.resolve("shift/examples").toString()).collectAsList();
    summary = spark.read().parquet(dir.resolve("shift/summary").toString()).first();
    rejects = spark.read().parquet(dir.resolve("rejects").toString()).count();
  }

  @AfterAll
  static void stop() {
    SparkTests.stop(spark);
  }

  @Test
  void everyResponseIsScoredOrRejectedWithAReason() throws Exception {
    assertEquals(805, examples.size() + rejects);
    // Count independently which rows exceed the 1024-token limits with the pair's tokenizer.
    long tooLongResponses = 0;
    long tooLongPrompts = 0;
    try (LmTokenizer tokenizer = LmTokenizer.of(Checkpoint.openMetadata(
        EmbeddedModels.materialize("embedded:tiny-aligned", dir.resolve("models"))))) {
      ChatTemplateFormat chat = ChatTemplateFormat.fromTokenizer(tokenizer, "");
      WrapperFormat urial = WrapperFormat.urial(tokenizer);
      ObjectMapper json = new ObjectMapper();
      for (String line : Files.readAllLines(SparkTests.sharedData().resolve("alpaca_eval_llama-2-7b-chat.jsonl"))) {
        JsonNode row = json.readTree(line);
        List<Message> prompt = List.of(Message.user(row.get("prompt").asText()));
        if (Math.max(chat.promptIds(prompt).length, urial.promptIds(prompt).length) > 1024) {
          tooLongPrompts++;
        } else if (tokenizer.encode(row.get("response").asText()).length > 1024) {
          tooLongResponses++;
        }
      }
    }
    Map<String, Long> reasons = new HashMap<>();
    spark.read().parquet(dir.resolve("rejects").toString()).groupBy("reason").count().collectAsList()
        .forEach(r -> reasons.put(r.getString(0), r.getLong(1)));
    assertEquals(tooLongResponses, reasons.getOrDefault("response-too-many-tokens", 0L));
    assertEquals(tooLongPrompts, reasons.getOrDefault("prompt-too-many-tokens", 0L));
    assertEquals(tooLongPrompts + tooLongResponses, rejects);
    for (Row r : examples) {
      assertEquals("response", r.getAs("answer_source"));
      int n = r.<Integer>getAs("answer_tokens");
      assertEquals(n, r.<Seq<Integer>>getAs("base_rank").size());
      assertEquals(n, r.<Seq<Float>>getAs("kl").size());
      assertEquals(n, r.<Integer>getAs("n_unshifted") + r.<Integer>getAs("n_marginal") + r.<Integer>getAs("n_shifted"));
    }
  }

  @Test
  void summaryFractionsEqualThoseRecomputedFromThePerPositionRows() {
    long positions = 0;
    long[] classes = new long[3];
    double kl = 0;
    for (Row r : examples) {
      Seq<Integer> ranks = r.getAs("base_rank");
      Seq<Float> kls = r.getAs("kl");
      for (int t = 0; t < ranks.size(); t++) {
        int rank = ranks.apply(t);
        classes[rank == 1 ? 0 : rank <= 3 ? 1 : 2]++;
        kl += kls.apply(t);
        positions++;
      }
    }
    assertEquals(positions, summary.<Long>getAs("positions"));
    assertEquals((double) classes[0] / positions, summary.<Double>getAs("unshifted"), 1e-12);
    assertEquals((double) classes[1] / positions, summary.<Double>getAs("marginal"), 1e-12);
    assertEquals((double) classes[2] / positions, summary.<Double>getAs("shifted"), 1e-12);
    assertEquals(kl / positions, summary.<Double>getAs("mean_kl"), 1e-6);
    assertEquals(1.0, summary.<Double>getAs("unshifted") + summary.<Double>getAs("marginal")
        + summary.<Double>getAs("shifted"), 1e-12);
    System.out.printf("tiny pair on AlpacaEval (Llama-2-chat answers): unshifted %.3f, marginal %.3f, shifted %.3f, "
        + "mean KL %.3f over %d positions%n", summary.<Double>getAs("unshifted"), summary.<Double>getAs("marginal"),
        summary.<Double>getAs("shifted"), summary.<Double>getAs("mean_kl"), positions);
  }

  @Test
  void relativePositionBinsAndTopTokensAgreeWithThePositions() {
    Map<Integer, long[]> bins = new HashMap<>();
    Map<Integer, long[]> tokens = new HashMap<>();
    for (Row r : examples) {
      Seq<Integer> ranks = r.getAs("base_rank");
      Seq<Integer> ids = r.getAs("token_ids");
      int n = ranks.size();
      for (int t = 0; t < n; t++) {
        boolean shifted = ranks.apply(t) > 3;
        long[] bin = bins.computeIfAbsent(t * 4 / n, k -> new long[2]);
        bin[0]++;
        bin[1] += shifted ? 1 : 0;
        long[] tok = tokens.computeIfAbsent(ids.apply(t), k -> new long[2]);
        tok[0]++;
        tok[1] += shifted ? 1 : 0;
      }
    }
    List<Row> byBin = spark.read().parquet(dir.resolve("shift/by_relative_position").toString()).collectAsList();
    assertEquals(4, byBin.size());
    for (Row b : byBin) {
      long[] expected = bins.get(b.<Integer>getAs("bin"));
      assertEquals(expected[0], b.<Long>getAs("positions"));
      assertEquals((double) expected[1] / expected[0], b.<Double>getAs("shifted"), 1e-12);
    }
    Row top = spark.read().parquet(dir.resolve("shift/top_tokens").toString()).orderBy(
        org.apache.spark.sql.functions.col("shifted").desc()).first();
    long[] expected = tokens.get(top.<Integer>getAs("token_id"));
    assertEquals(expected[0], top.<Long>getAs("occurrences"));
    assertEquals(expected[1], top.<Long>getAs("shifted"));
    long mostShifted = tokens.values().stream().mapToLong(v -> v[1]).max().orElseThrow();
    assertEquals(mostShifted, top.<Long>getAs("shifted"));
    assertFalse(top.<String>getAs("token").isEmpty());
  }
}
