package io.alignscope.lm.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NudgingControllerTest {

  @Test
  void followsThePaperRuleStepByStep() {
    NudgingController c = new NudgingController(new NudgingOptions(0.4, 3));
    // {base top-1 prob, aligned token starts a word (1/0), expected: aligned produces (1/0)}
    double[][] script = {
      {0.9, 1, 0}, // base is sure: base decodes
      {0.3, 1, 1}, // base unsure: the aligned model starts a run; its first word is accepted
      {0.9, 0, 1}, // still inside the first word: accepted although the base is now sure
      {0.9, 1, 0}, // a second word while the base is sure: refused, the base resumes
      {0.2, 0, 1}, // unsure again: a new run
      {0.2, 1, 1}, // a later word while the base is unsure: accepted (run length 2)
      {0.2, 0, 1}, // run length 3 = chunk
      {0.2, 1, 1}, // chunk spent, but the base is still unsure: a new run starts at once
      {0.5, 1, 0}, // a later word and the base is sure: refused
      {0.5, 0, 0}, // base keeps decoding
    };
    for (int i = 0; i < script.length; i++) {
      boolean expected = script[i][2] == 1;
      assertEquals(expected, c.alignedProduces(script[i][0], script[i][1] == 1), "step " + i);
    }
  }
}
