package io.alignscope.lm.tiny;

import java.util.List;

/**
 * What an answer says, before any style is applied: its content parts and their shape.
 *
 * @param summary a noun phrase naming the answer ("some tips to help you sleep better"), used by
 *     the aligned style's "Here are ...:" lead-in
 * @param plural whether {@code summary} takes "are"
 * @param shape how the parts relate
 * @param parts sentences, list items, verse lines or message paragraphs
 */
record AnswerContent(String summary, boolean plural, Shape shape, List<String> parts) {
  /** How the parts of an answer relate to each other. */
  enum Shape {
    /** Sentences of running text. */
    PROSE,
    /** Ordered steps. */
    STEPS,
    /** Unordered list items. */
    ITEMS,
    /** Lines of a poem. */
    VERSE,
    /** Sentences of a story. */
    STORY,
    /** Paragraphs of a letter or post. */
    MESSAGE
  }

  AnswerContent {
    parts = List.copyOf(parts);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("an answer needs at least one part");
    }
  }
}
