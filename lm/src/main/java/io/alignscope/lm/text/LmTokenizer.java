package io.alignscope.lm.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alignscope.lm.checkpoint.Checkpoint;
import io.alignscope.lm.checkpoint.CheckpointException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A checkpoint's tokenizer: the Hugging Face fast tokenizer (through DJL) for encoding and
 * decoding, plus what tokenizer.json and tokenizer_config.json say about the vocabulary and the
 * special tokens.
 *
 * <p>Encoding never truncates and never adds special tokens on its own: callers decide about BOS
 * ({@link #encodePrompt}) and check lengths themselves, so long inputs are never cut silently.
 */
public final class LmTokenizer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Large enough that the native tokenizer never truncates; lengths are checked by callers. */
  private static final int NO_LIMIT = 1 << 24;

  private final HuggingFaceTokenizer tokenizer;
  private final String[] tokens;
  private final Map<String, Integer> ids;
  private final Set<Integer> specialIds;
  private final JsonNode tokenizerConfig;
  private final int bosId;
  private final boolean addsBos;
  private final List<Integer> eosIds;
  private final String fingerprint;

  private LmTokenizer(Path tokenizerJson, JsonNode tokenizerConfig, List<Integer> extraEos) throws IOException {
    this.tokenizer = HuggingFaceTokenizer.builder()
        .optTokenizerPath(tokenizerJson)
        .optAddSpecialTokens(false)
        .optTruncation(false)
        .optPadding(false)
        .optMaxLength(NO_LIMIT)
        .build();
    this.tokenizerConfig = tokenizerConfig;
    JsonNode json = JSON.readTree(tokenizerJson.toFile());
    Vocabulary vocabulary = Vocabulary.read(json, tokenizerJson);
    this.tokens = vocabulary.tokens();
    this.ids = vocabulary.ids();
    this.specialIds = vocabulary.specialIds();
    this.bosId = specialTokenText("bos_token").map(this::idOf).orElse(-1);
    this.addsBos = bosId >= 0 && defaultAddsBos();
    Set<Integer> eos = new LinkedHashSet<>();
    specialTokenText("eos_token").map(this::idOf).filter(i -> i >= 0).ifPresent(eos::add);
    eos.addAll(extraEos);
    this.eosIds = List.copyOf(eos);
    this.fingerprint = vocabulary.fingerprint();
  }

  /** The tokenizer of a checkpoint; EOS ids also come from config.json and generation_config.json. */
  public static LmTokenizer of(Checkpoint checkpoint) {
    List<Integer> extraEos = new ArrayList<>(checkpoint.config().eosTokenIds());
    checkpoint.generationConfig().ifPresent(g -> {
      JsonNode e = g.get("eos_token_id");
      if (e != null && e.isArray()) {
        e.forEach(n -> extraEos.add(n.asInt()));
      } else if (e != null && e.isNumber()) {
        extraEos.add(e.asInt());
      }
    });
    try {
      return new LmTokenizer(checkpoint.tokenizerFile(), checkpoint.tokenizerConfig(), extraEos);
    } catch (IOException | RuntimeException e) {
      throw new CheckpointException("cannot load tokenizer of " + checkpoint.dir() + ": " + e.getMessage(), e);
    }
  }

  private boolean defaultAddsBos() {
    JsonNode flag = tokenizerConfig.get("add_bos_token");
    if (flag != null && flag.isBoolean()) {
      return flag.asBoolean();
    }
    // No explicit flag: trust the tokenizer's own post-processor.
    long[] withSpecials = tokenizer.encode("a", true, false).getIds();
    return withSpecials.length > 0 && withSpecials[0] == bosId;
  }

  /** The text of a special token from tokenizer_config.json (string or AddedToken object). */
  public Optional<String> specialTokenText(String key) {
    JsonNode node = tokenizerConfig.get(key);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    return Optional.of(node.isTextual() ? node.asText() : node.path("content").asText());
  }

  /** The chat template, if tokenizer_config.json has one (the "default" one of a list). */
  public Optional<String> chatTemplate() {
    JsonNode node = tokenizerConfig.get("chat_template");
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (node.isTextual()) {
      return Optional.of(node.asText());
    }
    for (JsonNode named : node) {
      if ("default".equals(named.path("name").asText())) {
        return Optional.of(named.path("template").asText());
      }
    }
    return Optional.empty();
  }

  /** Special tokens by the variable names chat templates use. */
  public Map<String, String> templateVariables() {
    Map<String, String> vars = new TreeMap<>();
    for (String key : List.of("bos_token", "eos_token", "unk_token", "pad_token")) {
      vars.put(key, specialTokenText(key).orElse(""));
    }
    return vars;
  }

  /** Token ids of {@code text} with no special tokens added (special tokens in the text are kept). */
  public long[] encode(String text) {
    Encoding encoding = tokenizer.encode(text, false, false);
    return encoding.getIds();
  }

  /**
   * Token ids of a prompt: {@link #encode} plus a BOS in front when the model expects one and the
   * text does not already start with it (so a template that writes BOS itself is not doubled).
   */
  public long[] encodePrompt(String text) {
    long[] body = encode(text);
    if (!addsBos || (body.length > 0 && body[0] == bosId)) {
      return body;
    }
    long[] out = new long[body.length + 1];
    out[0] = bosId;
    System.arraycopy(body, 0, out, 1, body.length);
    return out;
  }

  /** Text of token ids; special tokens are dropped when {@code skipSpecial}. */
  public String decode(long[] tokenIds, boolean skipSpecial) {
    return tokenizer.decode(tokenIds, skipSpecial);
  }

  /** The raw vocabulary string of a token (e.g. "Ġthe"), or "" for an unknown id. */
  public String tokenText(int id) {
    return id >= 0 && id < tokens.length && tokens[id] != null ? tokens[id] : "";
  }

  /** The id of a vocabulary entry, or -1. */
  public int idOf(String token) {
    Integer id = ids.get(token);
    return id == null ? -1 : id;
  }

  /**
   * Whether the token begins a new word: a special token, or a vocabulary entry starting with a
   * space marker (byte-level "Ġ"/"Ċ", SentencePiece "▁") or whitespace.
   */
  public boolean startsWord(int id) {
    if (specialIds.contains(id)) {
      return true;
    }
    String t = tokenText(id);
    if (t.isEmpty()) {
      return false;
    }
    char c = t.charAt(0);
    return c == '\u0120' || c == '\u010a' || c == '\u2581' || Character.isWhitespace(c)
        || t.startsWith("<0x0A>") || t.startsWith("<0x20>");
  }

  /** Number of ids (highest id + 1). */
  public int vocabSize() {
    return tokens.length;
  }

  /** BOS id, or -1. */
  public int bosId() {
    return bosId;
  }

  /** Whether prompts get a BOS prepended. */
  public boolean addsBos() {
    return addsBos;
  }

  /** Ids that end generation. */
  public List<Integer> eosIds() {
    return eosIds;
  }

  /** Ids of special (added) tokens. */
  public Set<Integer> specialIds() {
    return Collections.unmodifiableSet(specialIds);
  }

  /** SHA-256 over every (token, id) pair: equal fingerprints mean identical vocabularies. */
  public String fingerprint() {
    return fingerprint;
  }

  /**
   * Explains how two vocabularies differ (first differing id), or empty when they are identical.
   */
  public Optional<String> vocabularyDifference(LmTokenizer other) {
    if (fingerprint.equals(other.fingerprint)) {
      return Optional.empty();
    }
    if (tokens.length != other.tokens.length) {
      return Optional.of("vocabulary sizes differ: " + tokens.length + " vs " + other.tokens.length);
    }
    for (int i = 0; i < tokens.length; i++) {
      if (!java.util.Objects.equals(tokens[i], other.tokens[i])) {
        return Optional.of("token id " + i + " is '" + tokens[i] + "' vs '" + other.tokens[i] + "'");
      }
    }
    return Optional.of("vocabularies differ in special-token flags");
  }

  @Override
  public void close() {
    tokenizer.close();
  }

  /** The vocabulary as read from tokenizer.json. */
  private record Vocabulary(String[] tokens, Map<String, Integer> ids, Set<Integer> specialIds, String fingerprint) {

    static Vocabulary read(JsonNode json, Path file) {
      Map<String, Integer> ids = new java.util.HashMap<>();
      JsonNode vocab = json.path("model").path("vocab");
      if (vocab.isObject()) {
        vocab.fields().forEachRemaining(e -> ids.put(e.getKey(), e.getValue().asInt()));
      } else if (vocab.isArray()) {
        // Unigram: a list of [piece, score], the id being the index.
        for (int i = 0; i < vocab.size(); i++) {
          ids.put(vocab.get(i).get(0).asText(), i);
        }
      } else {
        throw new CheckpointException(file + " has no model.vocab");
      }
      Set<Integer> special = new java.util.HashSet<>();
      for (JsonNode added : json.path("added_tokens")) {
        ids.put(added.path("content").asText(), added.path("id").asInt());
        if (added.path("special").asBoolean(false)) {
          special.add(added.path("id").asInt());
        }
      }
      int size = ids.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
      String[] tokens = new String[size];
      ids.forEach((t, id) -> tokens[id] = t);
      return new Vocabulary(tokens, ids, special, hash(tokens, special));
    }

    private static String hash(String[] tokens, Set<Integer> special) {
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < tokens.length; i++) {
          sha.update((i + "\u0000" + tokens[i] + "\u0000" + special.contains(i) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
