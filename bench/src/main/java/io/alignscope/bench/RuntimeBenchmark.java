package io.alignscope.bench;

import io.alignscope.lm.checkpoint.Checkpoint;
import io.alignscope.lm.infer.DecodingOptions;
import io.alignscope.lm.infer.Generator;
import io.alignscope.lm.infer.TeacherForcedScorer;
import io.alignscope.lm.model.CausalLm;
import io.alignscope.lm.model.LoadOptions;
import io.alignscope.lm.model.Models;
import io.alignscope.lm.text.LmTokenizer;
import io.alignscope.lm.text.Message;
import io.alignscope.lm.text.WrapperFormat;
import io.alignscope.lm.tiny.EmbeddedModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Model-runtime throughput on the embedded tiny pair (CPU unless run on a GPU machine): tokens/s
 * of teacher-forced scoring and of generation, and the speed-ups of batching and of the KV cache.
 */
public final class RuntimeBenchmark {
  private static final int ROWS = 16;
  private static final int NEW_TOKENS = 48;

  private RuntimeBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "bench/target/results");
    Path models = Path.of(System.getProperty("java.io.tmpdir"), "alignscope-bench-models");
    Checkpoint checkpoint = Checkpoint.open(EmbeddedModels.materialize("embedded:tiny-base", models));
    BenchReport report = new BenchReport("runtime");
    report.note("model", "embedded:tiny-base, " + checkpoint.parameterCount() + " parameters, " + ROWS + " rows");
    try (CausalLm model = Models.load(checkpoint, LoadOptions.cpu()); LmTokenizer tokenizer = LmTokenizer.of(checkpoint)) {
      List<long[]> prompts = new ArrayList<>();
      List<long[]> answers = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      WrapperFormat format = WrapperFormat.urial(tokenizer);
      for (int i = 0; i < ROWS; i++) {
        prompts.add(format.promptIds(List.of(Message.user("How do I keep a garden healthy in a dry summer, tip " + i + "?"))));
        answers.add(tokenizer.encode(("Water the roots early in the morning and cover the soil with mulch. ").repeat(4 + i % 4)));
        keys.add("row-" + i);
      }
      long scoredTokens = 0;
      for (int i = 0; i < ROWS; i++) {
        scoredTokens += prompts.get(i).length + answers.get(i).length;
      }
      TeacherForcedScorer scorer = TeacherForcedScorer.defaults();
      double batched = Stopwatch.median(1, 5, () -> scorer.score(model, prompts, answers));
      double single = Stopwatch.median(1, 3, () -> {
        for (int i = 0; i < ROWS; i++) {
          scorer.score(model, List.of(prompts.get(i)), List.of(answers.get(i)));
        }
      });
      report.put("scoring tokens/s (batch of 16)", scoredTokens / batched, "tokens/s");
      report.put("scoring tokens/s (one row at a time)", scoredTokens / single, "tokens/s");
      report.put("scoring speed-up from batching", single / batched, "x");

      DecodingOptions greedy = DecodingOptions.greedy(NEW_TOKENS, List.of());
      Generator cached = new Generator(model, tokenizer, true);
      Generator uncached = new Generator(model, tokenizer, false);
      long generated = (long) ROWS * NEW_TOKENS;
      double withCache = Stopwatch.median(1, 3, () -> cached.generate(prompts, keys, greedy));
      double withoutCache = Stopwatch.median(0, 1, () -> uncached.generate(prompts, keys, greedy));
      double sequential = Stopwatch.median(0, 1, () -> {
        for (int i = 0; i < ROWS; i++) {
          cached.generate(List.of(prompts.get(i)), List.of(keys.get(i)), greedy);
        }
      });
      report.put("greedy generation tokens/s (batch 16, KV cache)", generated / withCache, "tokens/s");
      report.put("greedy generation tokens/s (batch 16, no cache)", generated / withoutCache, "tokens/s");
      report.put("greedy generation tokens/s (one row at a time, KV cache)", generated / sequential, "tokens/s");
      report.put("generation speed-up from the KV cache", withoutCache / withCache, "x");
      report.put("generation speed-up from batching", sequential / withCache, "x");

      DecodingOptions sampling = DecodingOptions.sampling(50, NEW_TOKENS, 42);
      double sampled = Stopwatch.median(0, 1, () -> cached.generate(prompts.subList(0, 2), keys.subList(0, 2), sampling));
      report.put("sampling tokens/s (2 prompts x 50 samples)", 2.0 * 50 * NEW_TOKENS / sampled, "tokens/s");
    }
    report.write(out);
  }
}
