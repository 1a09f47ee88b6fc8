package io.alignscope.lm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alignscope.lm.checkpoint.CheckpointWriter;
import io.alignscope.lm.checkpoint.FloatTensor;
import io.alignscope.lm.checkpoint.TensorDType;
import io.alignscope.lm.tiny.BpeVocabulary;
import io.alignscope.lm.tiny.ByteLevelBpeTrainer;
import io.alignscope.lm.tiny.TinyModelSpec;
import io.alignscope.lm.tiny.TinyPairBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Small checkpoints and tokenizers written to temporary folders for tests. */
public final class TestCheckpoints {
  public static final List<String> SPECIALS = List.of("<s>", "</s>", "<pad>", "<|user|>", "<|assistant|>", "<|end|>");
  private static final String TEXT = "The quick brown fox jumps over the lazy dog. "
      + "A language model assigns probabilities to the next token of a text. "
      + "Sure! Here is a short answer to your question about cooking pasta and rice. "
      + "Thank you for asking, I hope this helps you with the garden and the kitchen. ";

  private TestCheckpoints() {}

  /** A byte-level BPE tokenizer.json with about {@code vocabSize} ids. */
  public static BpeVocabulary tokenizer(Path file, int vocabSize) throws IOException {
    BpeVocabulary vocab = ByteLevelBpeTrainer.train(List.of(TEXT, TEXT.toLowerCase()), vocabSize, SPECIALS);
    vocab.writeTokenizerJson(file);
    return vocab;
  }

  /** tokenizer_config.json with BOS, an EOS and optionally a chat template (as the builder writes it). */
  public static ObjectNode tokenizerConfig(String eos, String chatTemplate) {
    return TinyPairBuilder.tokenizerConfig(chatTemplate, eos);
  }

  /** The chat template of the project's tiny aligned model. */
  public static final String CHAT_TEMPLATE = TinyPairBuilder.CHAT_TEMPLATE;

  /** A random tiny Llama (GQA) with a trained toy tokenizer, in {@code dir}. */
  public static Path tinyLlama(Path dir, long seed) throws IOException {
    Path tokenizerFile = Files.createTempFile("tokenizer", ".json");
    BpeVocabulary vocab = tokenizer(tokenizerFile, 400);
    TinyModelSpec spec = new TinyModelSpec(vocab.size(), 32, 2, 4, 2, 64, 256, 0, 1);
    write(dir, spec.configJson(), spec.initialWeights(seed), tokenizerFile,
        tokenizerConfig("</s>", CHAT_TEMPLATE));
    Files.delete(tokenizerFile);
    return dir;
  }

  /** Writes any checkpoint folder with the given config, weights and tokenizer. */
  public static Path write(Path dir, JsonNode config, Map<String, FloatTensor> weights, Path tokenizerJson,
      JsonNode tokenizerConfig) throws IOException {
    CheckpointWriter.write(dir, config, weights, TensorDType.F32, tokenizerJson, tokenizerConfig, null);
    return dir;
  }
}
