package io.alignscope.bench;

import io.alignscope.jobs.config.ConfigLoader;
import io.alignscope.jobs.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * End-to-end throughput of the shift stage on the real AlpacaEval answers with the tiny pair:
 * rows/s and tokens/s on local[1] versus local[2], how the cost grows with corpus size, and how
 * it grows with answer length (the aligned model generating answers of increasing length).
 */
public final class PipelineBenchmark {
  private PipelineBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "bench/target/results");
    Path corpus = Path.of(args.length > 1 ? args[1] : "../shared/data/alpaca_eval_llama-2-7b-chat.jsonl");
    if (!Files.isRegularFile(corpus)) {
      throw new IllegalArgumentException("corpus not found: " + corpus.toAbsolutePath());
    }
    Path work = Files.createTempDirectory("alignscope-bench");
    BenchReport report = new BenchReport("pipeline");
    report.note("corpus", corpus.toAbsolutePath().toString());
    Run warm = run("local[2]", work, corpus, "corpus.limit=20");
    report.note("warm-up", warm.rows + " rows");
    for (String master : new String[] {"local[1]", "local[2]"}) {
      Run r = run(master, work, corpus, "corpus.limit=160");
      report.put("shift, 160 given answers, " + master + ": rows/s", r.rows / r.seconds, "rows/s");
      report.put("shift, 160 given answers, " + master + ": tokens/s", r.tokens / r.seconds, "tokens/s");
    }
    for (int rows : new int[] {40, 80, 160, 320}) {
      Run r = run("local[2]", work, corpus, "corpus.limit=" + rows);
      report.put("shift, local[2], corpus of " + rows + ": seconds", r.seconds, "s");
    }
    for (int length : new int[] {32, 64, 128}) {
      Run r = run("local[2]", work, corpus, "corpus.limit=40", "shift.answers=generate", "shift.max-new-tokens=" + length);
      report.put("shift, local[2], 40 generated answers of <= " + length + " tokens: seconds", r.seconds, "s");
      report.put("  mean generated answer tokens", r.answerTokens / (double) r.rows, "tokens");
    }
    report.write(out);
  }

  private record Run(long rows, long tokens, long answerTokens, double seconds) {}

  private static Run run(String master, Path work, Path corpus, String... extra) throws IOException {
    Path output = Files.createTempDirectory(work, "run");
    List<String> overrides = new ArrayList<>(List.of("run.output=" + output, "corpus.path=" + corpus,
        "run.stages=[shift]", "spark.partitions=4"));
    overrides.addAll(Arrays.asList(extra));
    SparkSession spark = SparkSession.builder().master(master).appName("bench")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    try {
      var timed = Stopwatch.once(() -> new Pipeline(spark, ConfigLoader.load(overrides)).run());
      Row totals = spark.read().parquet(output.resolve("shift/examples").toString()).agg(functions.count("*"),
          functions.sum(functions.col("answer_tokens").plus(functions.col("base_prompt_tokens"))
              .plus(functions.col("aligned_prompt_tokens"))), functions.sum("answer_tokens")).first();
      return new Run(totals.getLong(0), totals.getLong(1), totals.getLong(2), timed.seconds());
    } finally {
      spark.stop();
    }
  }
}
