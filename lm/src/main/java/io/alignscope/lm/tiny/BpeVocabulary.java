package io.alignscope.lm.tiny;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A byte-level BPE vocabulary: tokens in id order (special tokens first) and the merges in rank
 * order. Writes itself as a Hugging Face {@code tokenizer.json}.
 *
 * @param tokens every token, the index being its id
 * @param merges pairs merged during training, in order
 * @param specialTokens the special tokens (a prefix of {@code tokens})
 */
public record BpeVocabulary(List<String> tokens, List<String[]> merges, List<String> specialTokens) {

  /** Number of ids. */
  public int size() {
    return tokens.size();
  }

  /** The id of a token, or -1. */
  public int id(String token) {
    return tokens.indexOf(token);
  }

  /** Writes a tokenizer.json that Hugging Face tokenizers (and DJL) load. */
  public void writeTokenizerJson(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("version", "1.0");
    root.putNull("truncation");
    root.putNull("padding");
    ArrayNode added = root.putArray("added_tokens");
    for (int i = 0; i < specialTokens.size(); i++) {
      ObjectNode t = added.addObject();
      t.put("id", i);
      t.put("content", specialTokens.get(i));
      t.put("single_word", false);
      t.put("lstrip", false);
      t.put("rstrip", false);
      t.put("normalized", false);
      t.put("special", true);
    }
    root.putNull("normalizer");
    byteLevel(root.putObject("pre_tokenizer"), false);
    byteLevel(root.putObject("post_processor"), true);
    byteLevel(root.putObject("decoder"), true);
    ObjectNode model = root.putObject("model");
    model.put("type", "BPE");
    model.putNull("dropout");
    model.putNull("unk_token");
    model.putNull("continuing_subword_prefix");
    model.putNull("end_of_word_suffix");
    model.put("fuse_unk", false);
    model.put("byte_fallback", false);
    model.put("ignore_merges", false);
    ObjectNode vocab = model.putObject("vocab");
    for (int i = 0; i < tokens.size(); i++) {
      vocab.put(tokens.get(i), i);
    }
    ArrayNode mergeList = model.putArray("merges");
    for (String[] m : merges) {
      mergeList.add(m[0] + " " + m[1]);
    }
    json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
  }

  private static void byteLevel(ObjectNode node, boolean trimOffsets) {
    node.put("type", "ByteLevel");
    node.put("add_prefix_space", false);
    node.put("trim_offsets", trimOffsets);
    node.put("use_regex", true);
  }
}
