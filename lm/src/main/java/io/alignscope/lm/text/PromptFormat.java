package io.alignscope.lm.text;

import java.util.List;

/**
 * Turns a conversation that ends with a user turn into the token ids a model reads before its
 * answer. The answer's own tokens are appended to these ids unchanged, never re-tokenised.
 */
public interface PromptFormat {

  /** Prompt token ids, BOS included where the model expects one. */
  long[] promptIds(List<Message> conversation);

  /** A short description for manifests and logs. */
  String describe();
}
