package io.alignscope.lm.tiny;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trains a byte-level BPE vocabulary (the GPT-2 / Llama-3 kind) on text: words are split with
 * GPT-2's pre-tokenisation pattern, spelled in {@link ByteUnicode} characters, and the most
 * frequent adjacent pair is merged until the vocabulary is full. Ties are broken by the pair's
 * spelling, so training is deterministic.
 */
public final class ByteLevelBpeTrainer {
  /** The pre-tokenisation pattern of GPT-2, which Hugging Face's ByteLevel pre-tokenizer applies. */
  static final Pattern WORDS = Pattern.compile(
      "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+");

  private ByteLevelBpeTrainer() {}

  /**
   * @param texts training text
   * @param vocabSize total ids including {@code specialTokens} and the 256 byte symbols
   * @param specialTokens tokens that take the first ids
   */
  public static BpeVocabulary train(Iterable<String> texts, int vocabSize, List<String> specialTokens) {
    if (vocabSize < specialTokens.size() + 256) {
      throw new IllegalArgumentException("vocabSize " + vocabSize + " is smaller than the "
          + (specialTokens.size() + 256) + " special and byte tokens");
    }
    Map<String, Integer> wordCounts = new LinkedHashMap<>();
    for (String text : texts) {
      Matcher m = WORDS.matcher(text);
      while (m.find()) {
        wordCounts.merge(ByteUnicode.encode(m.group()), 1, Integer::sum);
      }
    }
    List<String> symbols = new ArrayList<>();
    Map<String, Integer> symbolIds = new HashMap<>();
    for (int b = 0; b < 256; b++) {
      String s = String.valueOf(ByteUnicode.of(b));
      symbolIds.put(s, symbols.size());
      symbols.add(s);
    }
    List<int[]> words = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    wordCounts.forEach((word, count) -> {
      int[] spelled = new int[word.length()];
      for (int i = 0; i < word.length(); i++) {
        spelled[i] = symbolIds.get(String.valueOf(word.charAt(i)));
      }
      words.add(spelled);
      counts.add(count);
    });
    PairCounts pairs = new PairCounts(words, counts);
    List<String[]> merges = new ArrayList<>();
    int target = vocabSize - specialTokens.size();
    while (symbols.size() < target) {
      long best = pairs.mostFrequent(symbols);
      if (best < 0) {
        break;
      }
      int left = (int) (best >>> 32);
      int right = (int) best;
      String spelling = symbols.get(left) + symbols.get(right);
      // Different merge paths can spell the same token ("a"+"bc", "ab"+"c"): one id per spelling.
      Integer merged = symbolIds.get(spelling);
      if (merged == null) {
        merged = symbols.size();
        symbols.add(spelling);
        symbolIds.put(spelling, merged);
      }
      merges.add(new String[] {symbols.get(left), symbols.get(right)});
      pairs.merge(left, right, merged);
    }
    List<String> vocab = new ArrayList<>(specialTokens);
    vocab.addAll(symbols);
    return new BpeVocabulary(vocab, merges, specialTokens);
  }

  /** Weighted counts of adjacent symbol pairs with an index from pair to the words holding it. */
  private static final class PairCounts {
    private final List<int[]> words;
    private final List<Integer> counts;
    private final Map<Long, Long> pairCounts = new HashMap<>();
    private final Map<Long, Set<Integer>> wordsWithPair = new HashMap<>();

    PairCounts(List<int[]> words, List<Integer> counts) {
      this.words = words;
      this.counts = counts;
      for (int w = 0; w < words.size(); w++) {
        add(w, 1);
      }
    }

    private void add(int w, int sign) {
      int[] word = words.get(w);
      long count = (long) counts.get(w) * sign;
      for (int i = 0; i + 1 < word.length; i++) {
        long pair = ((long) word[i] << 32) | (word[i + 1] & 0xffffffffL);
        pairCounts.merge(pair, count, Long::sum);
        if (sign > 0) {
          wordsWithPair.computeIfAbsent(pair, k -> new HashSet<>()).add(w);
        }
      }
    }

    long mostFrequent(List<String> symbols) {
      long best = -1;
      long bestCount = 1;
      String bestSpelling = null;
      for (Map.Entry<Long, Long> e : pairCounts.entrySet()) {
        long c = e.getValue();
        if (c < bestCount) {
          continue;
        }
        long pair = e.getKey();
        String spelling = symbols.get((int) (pair >>> 32)) + " " + symbols.get((int) pair);
        if (c > bestCount || bestSpelling == null || spelling.compareTo(bestSpelling) < 0) {
          best = pair;
          bestCount = c;
          bestSpelling = spelling;
        }
      }
      return bestCount >= 2 ? best : -1;
    }

    void merge(int left, int right, int merged) {
      long pair = ((long) left << 32) | (right & 0xffffffffL);
      Set<Integer> affected = new TreeSet<>(wordsWithPair.getOrDefault(pair, Set.of()));
      for (int w : affected) {
        add(w, -1);
        int[] word = words.get(w);
        int[] out = new int[word.length];
        int n = 0;
        for (int i = 0; i < word.length; i++) {
          if (i + 1 < word.length && word[i] == left && word[i + 1] == right) {
            out[n++] = merged;
            i++;
          } else {
            out[n++] = word[i];
          }
        }
        words.set(w, java.util.Arrays.copyOf(out, n));
        add(w, 1);
      }
      pairCounts.remove(pair);
      pairCounts.values().removeIf(c -> c == 0);
    }
  }
}
