package io.alignscope.lm.tiny;

/**
 * The form of a synthetic instruction, each with the broad category used by the demo corpus
 * ({@code knowledge}, {@code howto}, {@code advice} or {@code creative}).
 */
public enum InstructionKind {
  /** "What is a metronome?" */
  DEFINE("knowledge"),
  /** "Why is the sky blue?" */
  WHY("knowledge"),
  /** "Explain the role of a roux in cooking." */
  EXPLAIN("knowledge"),
  /** "What is the difference between a loan and a mortgage?" */
  COMPARE("knowledge"),
  /** "Sort these words into two groups, music and travel: ..." */
  CLASSIFY("knowledge"),
  /** "Summarize the following paragraph in one sentence." */
  SUMMARIZE("knowledge"),
  /** "How do I bake a loaf of bread at home?" */
  HOWTO("howto"),
  /** "List four things you need to plan a family road trip." */
  LIST("howto"),
  /** "Give me some tips to sleep better at night." */
  TIPS("advice"),
  /** "How can I deal with a squeaky door?" */
  TROUBLESHOOT("advice"),
  /** "Should I get a rail pass or a road trip?" */
  CHOOSE("advice"),
  /** "Write a short poem about the first snow." */
  POEM("creative"),
  /** "Write a short story about a baker who wants to ..." */
  STORY("creative"),
  /** "Write a product description for a slow cooker." */
  DESCRIBE("creative"),
  /** "Write a thank-you note to a coach who helped me ..." */
  MESSAGE("creative");

  private final String category;

  InstructionKind(String category) {
    this.category = category;
  }

  /** One of {@code knowledge}, {@code howto}, {@code advice}, {@code creative}. */
  public String category() {
    return category;
  }
}
