package io.alignscope.lm.tiny;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SyntheticCorpusTest {
  private static final long SEED = 42L;
  private static final Pattern QUERY_ANSWER_LAYOUT =
      Pattern.compile("\\A(# Query:\n```[^`]+```\n\n# Answer:\n```[^`]+```\n\n)+\\z");
  private static final Pattern WORD = Pattern.compile("[a-z]+(?:'[a-z]+)?");
  private static final Pattern LIST_MARKER = Pattern.compile("^(\\d+\\. |- )");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

  private final SyntheticCorpus corpus = new SyntheticCorpus(SEED);
  private final List<String> documents = corpus.baseDocuments(2000);
  private final List<InstructionExample> examples = corpus.instructionExamples(2000);

  @Test
  void sameSeedGivesIdenticalOutputAndOtherSeedsDiffer() {
    SyntheticCorpus again = new SyntheticCorpus(SEED);
    assertEquals(documents.subList(0, 300), again.baseDocuments(300));
    assertEquals(examples.subList(0, 300), again.instructionExamples(300));

    SyntheticCorpus other = new SyntheticCorpus(SEED + 1);
    assertNotEquals(documents.subList(0, 300), other.baseDocuments(300));
    assertNotEquals(examples.subList(0, 300), other.instructionExamples(300));
  }

  @Test
  void aShorterListIsAPrefixOfALongerOne() {
    assertEquals(documents.subList(0, 17), corpus.baseDocuments(17));
    assertEquals(examples.subList(0, 17), corpus.instructionExamples(17));
  }

  @Test
  void aboutFifteenPercentOfDocumentsUseTheExactUrialLayout() {
    List<String> first = documents.subList(0, 1000);
    long queryAnswer = first.stream().filter(d -> d.startsWith("# Query:")).count();
    double share = queryAnswer / 1000.0;
    assertTrue(share >= 0.10 && share <= 0.20, "query/answer share " + share);
    for (String d : first) {
      if (d.startsWith("# Query:")) {
        assertTrue(QUERY_ANSWER_LAYOUT.matcher(d).matches(), "not in URIAL layout:\n" + d);
      } else {
        assertFalse(d.contains("# Query:") || d.contains("```"), "layout markers in plain text:\n" + d);
      }
    }
  }

  @Test
  void everyDocumentHasFortyToTwoHundredFiftyWords() {
    for (String d : documents) {
      int words = English.wordCount(d);
      assertTrue(words >= 40 && words <= 250, words + " words:\n" + d);
    }
  }

  @Test
  void alignedAnswersOpenWithAStylisticOpenerAndPlainAnswersNever() {
    List<InstructionExample> first = examples.subList(0, 1000);
    long opened = first.stream().filter(e -> AlignedPhrases.startsWithOpener(e.alignedAnswer())).count();
    assertTrue(opened >= 900, opened + " of 1000 aligned answers start with an opener");
    for (InstructionExample e : examples) {
      assertFalse(AlignedPhrases.startsWithOpener(e.plainAnswer()), e.plainAnswer());
    }
  }

  @Test
  void plainContentSentencesAppearInTheAlignedAnswer() {
    for (InstructionExample e : examples) {
      List<String> sentences = contentSentences(e.plainAnswer());
      assertFalse(sentences.isEmpty(), e.plainAnswer());
      for (String s : sentences) {
        assertTrue(e.alignedAnswer().contains(s) || e.alignedAnswer().contains(English.decapitalize(s)),
            "'" + s + "' missing from aligned answer:\n" + e.alignedAnswer());
      }
      assertTrue(e.alignedAnswer().length() > e.plainAnswer().length(), e.alignedAnswer());
    }
  }

  @Test
  void alignedAnswersStartMoreFormulaicallyThanPlainOnes() {
    Set<String> alignedStarts = new HashSet<>();
    Set<String> plainStarts = new HashSet<>();
    for (InstructionExample e : examples) {
      alignedStarts.add(firstWords(e.alignedAnswer(), 2));
      plainStarts.add(firstWords(e.plainAnswer(), 2));
    }
    assertTrue(alignedStarts.size() * 5 < plainStarts.size(),
        alignedStarts.size() + " aligned vs " + plainStarts.size() + " plain two-word openings");
  }

  @Test
  void vocabularyHasAtLeastTwoThousandDistinctWords() {
    Set<String> words = new HashSet<>();
    documents.forEach(d -> addWords(d, words));
    examples.forEach(e -> {
      addWords(e.instruction(), words);
      addWords(e.alignedAnswer(), words);
      addWords(e.plainAnswer(), words);
    });
    assertTrue(words.size() >= 2000, words.size() + " distinct words");
  }

  @Test
  void instructionsAreDiverseInFormAndTopic() {
    List<InstructionExample> first = examples.subList(0, 1000);
    Set<String> prefixes = new HashSet<>();
    Set<String> topics = new HashSet<>();
    Set<InstructionKind> kinds = EnumSet.noneOf(InstructionKind.class);
    for (InstructionExample e : first) {
      prefixes.add(firstWords(e.instruction(), 3));
      topics.add(e.topic());
      kinds.add(e.kind());
    }
    assertTrue(prefixes.size() >= 300, prefixes.size() + " distinct three-word prefixes");
    assertTrue(topics.size() >= 10, topics + "");
    assertEquals(EnumSet.allOf(InstructionKind.class), kinds);
  }

  @Test
  void noTextCanBreakTheQueryAnswerLayout() {
    for (InstructionExample e : examples) {
      assertFalse((e.instruction() + e.alignedAnswer() + e.plainAnswer()).contains("`"), e.instruction());
    }
  }

  @Test
  void negativeCountsAreRejected() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> corpus.baseDocuments(-1));
    assertEquals("count must not be negative, got -1", e.getMessage());
  }

  /** Lines with list markers stripped, split into sentences. */
  static List<String> contentSentences(String plain) {
    List<String> sentences = new ArrayList<>();
    for (String line : plain.split("\n")) {
      String body = LIST_MARKER.matcher(line.strip()).replaceFirst("");
      Arrays.stream(SENTENCE_END.split(body)).map(String::strip).filter(s -> !s.isEmpty())
          .forEach(sentences::add);
    }
    return sentences;
  }

  private static String firstWords(String text, int n) {
    String[] words = text.strip().split("\\s+");
    return String.join(" ", Arrays.copyOf(words, Math.min(n, words.length)));
  }

  private static void addWords(String text, Set<String> words) {
    Matcher m = WORD.matcher(text.toLowerCase());
    while (m.find()) {
      words.add(m.group());
    }
  }
}
