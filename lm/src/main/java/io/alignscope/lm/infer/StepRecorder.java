package io.alignscope.lm.infer;

import io.alignscope.lm.text.LmTokenizer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Accumulates the tokens and per-step statistics of one continuation and decides when it ends
 * (EOS, stop string, token budget).
 */
final class StepRecorder {
  private final int capacity;
  private final long[] tokens;
  private final float[][] fields;
  private int length;
  private Generation.StopReason stop;

  StepRecorder(int capacity) {
    this.capacity = capacity;
    this.tokens = new long[capacity];
    this.fields = new float[NextTokenChooser.FIELDS][capacity];
  }

  /** Records row {@code row} of a chooser result; returns whether the continuation has ended. */
  boolean record(float[] chosen, int row, Set<Long> eos, List<String> stopStrings, LmTokenizer tokenizer) {
    int base = row * NextTokenChooser.FIELDS;
    long token = Math.round(chosen[base + NextTokenChooser.TOKEN]);
    return recordToken(token, chosen, base, eos, stopStrings, tokenizer);
  }

  /** Records a token chosen elsewhere with the statistics at {@code base} of {@code chosen}. */
  boolean recordToken(long token, float[] chosen, int base, Set<Long> eos, List<String> stopStrings,
      LmTokenizer tokenizer) {
    tokens[length] = token;
    for (int f = 0; f < NextTokenChooser.FIELDS; f++) {
      fields[f][length] = chosen[base + f];
    }
    length++;
    if (eos.contains(token)) {
      stop = Generation.StopReason.EOS;
    } else if (!stopStrings.isEmpty() && containsStop(tokenizer, stopStrings)) {
      stop = Generation.StopReason.STOP_STRING;
    } else if (length >= capacity) {
      stop = Generation.StopReason.LENGTH;
    }
    return stop != null;
  }

  private boolean containsStop(LmTokenizer tokenizer, List<String> stopStrings) {
    String text = tokenizer.decode(Arrays.copyOf(tokens, length), false);
    return stopStrings.stream().anyMatch(text::contains);
  }

  boolean finished() {
    return stop != null;
  }

  long lastToken() {
    return tokens[length - 1];
  }

  int length() {
    return length;
  }

  Generation result() {
    return new Generation(Arrays.copyOf(tokens, length), column(NextTokenChooser.NLL),
        column(NextTokenChooser.ENTROPY), column(NextTokenChooser.PAPER_ENTROPY),
        column(NextTokenChooser.MODEL_ENTROPY), column(NextTokenChooser.TOP_PROB),
        stop == null ? Generation.StopReason.LENGTH : stop);
  }

  private float[] column(int field) {
    return Arrays.copyOf(fields[field], length);
  }

  static Set<Long> eosSet(LmTokenizer tokenizer) {
    return tokenizer.eosIds().stream().map(Integer::longValue).collect(Collectors.toUnmodifiableSet());
  }
}
