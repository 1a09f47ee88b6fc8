package io.alignscope.lm.tiny;

import java.util.List;
import java.util.SplittableRandom;

/** A source of training batches. */
public interface TrainingData {

  /** A batch of {@code rows} rows of {@code length} tokens. */
  TrainingBatch next(SplittableRandom random, int rows, int length);

  /**
   * Language-model pre-training on a token stream: random windows, every position counts.
   *
   * @param stream documents' tokens joined with EOS
   */
  static TrainingData stream(long[] stream) {
    return (random, rows, length) -> {
      if (stream.length <= length + 1) {
        throw new IllegalArgumentException("token stream of " + stream.length + " is shorter than a window");
      }
      long[][] in = new long[rows][length];
      long[][] out = new long[rows][length];
      long[][] att = new long[rows][length];
      float[][] weight = new float[rows][length];
      for (int r = 0; r < rows; r++) {
        int start = random.nextInt(stream.length - length - 1);
        for (int t = 0; t < length; t++) {
          in[r][t] = stream[start + t];
          out[r][t] = stream[start + t + 1];
          att[r][t] = 1;
          weight[r][t] = 1;
        }
      }
      return new TrainingBatch(in, out, att, weight);
    };
  }

  /**
   * Supervised fine-tuning: each row is one example, prompt then answer, right-padded; only the
   * answer tokens count toward the loss.
   *
   * @param prompts prompt ids per example
   * @param answers answer ids per example (ending with the end-of-turn token)
   */
  static TrainingData supervised(List<long[]> prompts, List<long[]> answers) {
    return (random, rows, length) -> {
      long[][] in = new long[rows][length];
      long[][] out = new long[rows][length];
      long[][] att = new long[rows][length];
      float[][] weight = new float[rows][length];
      for (int r = 0; r < rows; r++) {
        int e = random.nextInt(prompts.size());
        long[] p = prompts.get(e);
        long[] a = answers.get(e);
        long[] seq = new long[p.length + a.length];
        System.arraycopy(p, 0, seq, 0, p.length);
        System.arraycopy(a, 0, seq, p.length, a.length);
        int n = Math.min(seq.length - 1, length);
        for (int t = 0; t < n; t++) {
          in[r][t] = seq[t];
          out[r][t] = seq[t + 1];
          att[r][t] = 1;
          weight[r][t] = t + 1 >= p.length ? 1 : 0;
        }
      }
      return new TrainingBatch(in, out, att, weight);
    };
  }

  /** Draws each row from {@code first} with probability {@code share}, otherwise from {@code second}. */
  static TrainingData mix(TrainingData first, double share, TrainingData second) {
    return (random, rows, length) -> {
      int fromFirst = 0;
      for (int r = 0; r < rows; r++) {
        if (random.nextDouble() < share) {
          fromFirst++;
        }
      }
      TrainingBatch a = first.next(random, Math.max(fromFirst, 0), length);
      TrainingBatch b = second.next(random, rows - fromFirst, length);
      return new TrainingBatch(concat(a.inputs(), b.inputs()), concat(a.targets(), b.targets()),
          concat(a.attention(), b.attention()), concat(a.lossWeight(), b.lossWeight()));
    };
  }

  private static <T> T[] concat(T[] a, T[] b) {
    T[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
