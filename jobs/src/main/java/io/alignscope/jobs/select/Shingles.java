package io.alignscope.jobs.select;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Words and word 3-gram shingles of a text, for near-duplicate detection and quality heuristics.
 *
 * <p>A word is a maximal run of letters and digits (Unicode), lower-cased; everything else
 * (spaces, punctuation, symbols) separates words. A text's shingles are its distinct word 3-grams
 * ("the cat sat"); a text of one or two words has a single shingle made of those words (so short
 * texts still match their exact copies); a text without words has none.
 */
public final class Shingles {
  /** Words per shingle. */
  public static final int N = 3;

  private Shingles() {}

  /** The words of {@code text}, lower-cased, in order. */
  public static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    StringBuilder word = new StringBuilder();
    text.codePoints().forEach(cp -> {
      if (Character.isLetterOrDigit(cp)) {
        word.appendCodePoint(cp);
      } else if (word.length() > 0) {
        words.add(word.toString().toLowerCase(Locale.ROOT));
        word.setLength(0);
      }
    });
    if (word.length() > 0) {
      words.add(word.toString().toLowerCase(Locale.ROOT));
    }
    return words;
  }

  /** All word n-grams of {@code words} (with repeats), joined by single spaces. */
  public static List<String> ngrams(List<String> words, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + n <= words.size(); i++) {
      out.add(String.join(" ", words.subList(i, i + n)));
    }
    return out;
  }

  /** The distinct shingles of {@code text}, in order of first occurrence. */
  public static List<String> of(String text) {
    List<String> words = words(text);
    if (words.isEmpty()) {
      return List.of();
    }
    if (words.size() < N) {
      return List.of(String.join(" ", words));
    }
    Set<String> distinct = new LinkedHashSet<>(ngrams(words, N));
    return List.copyOf(distinct);
  }
}
