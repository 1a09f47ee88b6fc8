package io.alignscope.jobs.select;

import java.util.HashSet;
import java.util.List;

/**
 * Cheap quality heuristics of an example's text, computed without models:
 *
 * <ul>
 *   <li>{@code promptWords}, {@code answerWords}: word counts ({@link Shingles#words})
 *   <li>{@code answerChars}: answer length in Unicode code points
 *   <li>{@code repeatedNgramRatio}: 1 − distinct/total word 3-grams of the answer; 0 for an answer
 *       with no repetition, near 1 for a degenerate loop ("the the the ..."); 0 below 3 words
 *   <li>{@code symbolRatio}: fraction of the answer's non-whitespace code points that are neither
 *       letters nor digits (markup, code, tables or noise push it up); 0 for an empty answer
 * </ul>
 *
 * @param promptWords words in the prompt
 * @param answerWords words in the answer
 * @param answerChars code points in the answer
 * @param repeatedNgramRatio repeated share of the answer's word 3-grams
 * @param symbolRatio symbol share of the answer's non-space characters
 */
public record TextQuality(int promptWords, int answerWords, int answerChars, double repeatedNgramRatio,
    double symbolRatio) {

  /** The heuristics of a prompt and its answer (null counts as empty). */
  public static TextQuality of(String prompt, String answer) {
    String a = answer == null ? "" : answer;
    List<String> answerWords = Shingles.words(a);
    List<String> grams = Shingles.ngrams(answerWords, Shingles.N);
    double repeated = grams.isEmpty() ? 0.0 : 1.0 - (double) new HashSet<>(grams).size() / grams.size();
    int[] visible = a.codePoints().filter(cp -> !Character.isWhitespace(cp)).toArray();
    long symbols = java.util.Arrays.stream(visible).filter(cp -> !Character.isLetterOrDigit(cp)).count();
    double symbolRatio = visible.length == 0 ? 0.0 : (double) symbols / visible.length;
    return new TextQuality(Shingles.words(prompt).size(), answerWords.size(), a.codePointCount(0, a.length()),
        repeated, symbolRatio);
  }
}
