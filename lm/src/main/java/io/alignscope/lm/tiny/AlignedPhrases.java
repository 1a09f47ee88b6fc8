package io.alignscope.lm.tiny;

import java.util.List;

/**
 * The stylistic vocabulary of the synthetic aligned answers: the openers, transitions, hedges and
 * closers that chat models add around content and that token-distribution-shift analyses find
 * shifted. Public so that tests and analyses can recognise them.
 */
public final class AlignedPhrases {
  /** Every aligned answer that opens stylistically starts with exactly one of these. */
  public static final List<String> OPENERS = List.of(
      "Sure!", "Certainly!", "Of course!", "Thank you for your question!", "Great question!",
      "Absolutely!", "What a great question!", "Thank you for asking!", "Thanks for asking!",
      "Happy to help!", "I'd be happy to help!", "I'm glad you asked!", "Hello! I'm here to help.",
      "Sure, I'd be happy to help!", "Of course, I'd be happy to help!");
  /** The first few openers, which the aligned style uses most of the time. */
  static final int COMMON_OPENERS = 5;
  /** Discourse markers placed before a content sentence (the sentence is then lower-cased). */
  public static final List<String> TRANSITIONS = List.of(
      "Additionally, ", "Also, ", "Furthermore, ", "In addition, ", "Moreover, ");
  /** A contrast marker that chat models also use loosely, between sentences that barely contrast. */
  public static final String CONTRAST = "However, ";
  /** Markers that turn steps into a sequence when they are not numbered. */
  public static final List<String> SEQUENCE = List.of("First, ", "Next, ", "Then, ", "After that, ");
  /** The marker before the last step of a sequence. */
  public static final String LAST_STEP = "Finally, ";
  /** Closing remarks for explanations and lists. */
  public static final List<String> CLOSERS = List.of(
      "I hope this helps! Let me know if you have any other questions.",
      "I hope this helps! Let me know if you have any other questions.",
      "I hope this helps!",
      "Let me know if you have any other questions.",
      "I hope this information is helpful!",
      "Feel free to ask if you need anything else.");
  /** Closing remarks for poems, stories and messages. */
  public static final List<String> CREATIVE_CLOSERS = List.of(
      "I hope you enjoy it!",
      "I hope you like it! Let me know if you'd like any changes.",
      "I hope this helps! Let me know if you'd like me to make any changes.");
  /** Wrap-up sentences; {label} is the topic label. */
  static final List<String> WRAP_UPS = List.of(
      "Overall, a little patience and practice go a long way in {label}.",
      "In summary, taking things one step at a time makes {label} much easier.",
      "Overall, the key is to start small and stay consistent.",
      "In conclusion, understanding the basics will help you enjoy {label} even more.",
      "Remember, everyone starts as a beginner, so be patient with yourself.");
  /** Hedges; {caution} and {professional} come from the topic. */
  static final List<String> DISCLAIMERS = List.of(
      "Please note that {caution}.",
      "It's important to consult {professional} if you have specific concerns.",
      "Keep in mind that {caution}.",
      "Please remember that {caution}.");

  private AlignedPhrases() {}

  /** Whether the text begins with one of {@link #OPENERS}. */
  public static boolean startsWithOpener(String text) {
    return OPENERS.stream().anyMatch(text::startsWith);
  }
}
