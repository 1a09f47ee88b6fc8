package io.alignscope.lm.infer;

/**
 * The per-row decision of nudging at each step, as a small state machine: who produces the next
 * token, given the base model's confidence and whether the aligned model's candidate starts a
 * new word. Running both models in lock-step and deciding token by token is equivalent to the
 * paper's draft-then-accept loop: the aligned model's greedy or seeded draft does not depend on
 * whether it is produced at once or one token at a time.
 */
final class NudgingController {
  private final NudgingOptions options;
  private boolean alignedTurn;
  private int runLength;

  NudgingController(NudgingOptions options) {
    this.options = options;
  }

  /**
   * Decides this step and advances the state.
   *
   * @param baseTopProb the base model's top-1 probability here
   * @param alignedStartsWord whether the aligned model's candidate token begins a new word
   * @return true when the aligned model's token is taken
   */
  boolean alignedProduces(double baseTopProb, boolean alignedStartsWord) {
    boolean baseUnsure = baseTopProb < options.gamma();
    if (alignedTurn) {
      boolean chunkSpent = runLength >= options.chunk();
      // The run's first word is always accepted; each later word only while the base is unsure.
      boolean laterWordRefused = runLength > 0 && alignedStartsWord && !baseUnsure;
      if (chunkSpent || laterWordRefused) {
        alignedTurn = false;
      }
    }
    if (!alignedTurn && baseUnsure) {
      alignedTurn = true;
      runLength = 0;
    }
    if (alignedTurn) {
      runLength++;
    }
    return alignedTurn;
  }
}
