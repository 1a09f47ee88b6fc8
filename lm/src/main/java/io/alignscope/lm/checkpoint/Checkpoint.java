package io.alignscope.lm.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A Hugging Face checkpoint folder on local disk: config.json, one or more safetensors files
 * (optionally with {@code model.safetensors.index.json}), tokenizer.json and tokenizer_config.json.
 * Opening validates the folder and reads every safetensors header, but no tensor data.
 */
public final class Checkpoint {
  /** File names every checkpoint must have. */
  public static final String CONFIG = "config.json";
  public static final String TOKENIZER = "tokenizer.json";
  public static final String TOKENIZER_CONFIG = "tokenizer_config.json";
  public static final String GENERATION_CONFIG = "generation_config.json";
  private static final String INDEX = "model.safetensors.index.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final ModelConfig config;
  private final JsonNode rawConfig;
  private final JsonNode tokenizerConfig;
  private final Map<String, TensorInfo> tensors;

  private Checkpoint(Path dir, JsonNode rawConfig, JsonNode tokenizerConfig, Map<String, TensorInfo> tensors) {
    this.dir = dir;
    this.rawConfig = rawConfig;
    this.config = ModelConfig.parse(rawConfig, dir.resolve(CONFIG).toString());
    this.tokenizerConfig = tokenizerConfig;
    this.tensors = tensors;
  }

  /** Opens and validates the checkpoint folder {@code dir}. */
  public static Checkpoint open(Path dir) {
    Checkpoint metadata = openMetadata(dir);
    return new Checkpoint(dir, metadata.rawConfig, metadata.tokenizerConfig, readTensors(dir));
  }

  /**
   * Opens only the configuration and tokenizer files of {@code dir}, for validating a model whose
   * weights are elsewhere (e.g. still on S3): no tensor is listed, so {@link #tensors()} is empty.
   */
  public static Checkpoint openMetadata(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new CheckpointException("model folder " + dir + " does not exist or is not a directory");
    }
    JsonNode config = readJson(dir.resolve(CONFIG), true);
    if (!Files.isRegularFile(dir.resolve(TOKENIZER))) {
      throw new CheckpointException("model folder " + dir + " has no " + TOKENIZER
          + " (a Hugging Face fast tokenizer file is required)");
    }
    return new Checkpoint(dir, config, readJson(dir.resolve(TOKENIZER_CONFIG), false), Map.of());
  }

  /** The small files that describe a checkpoint (everything but the weights). */
  public static List<String> metadataFiles() {
    return List.of(CONFIG, TOKENIZER, TOKENIZER_CONFIG, GENERATION_CONFIG, INDEX);
  }

  private static Map<String, TensorInfo> readTensors(Path dir) {
    List<Path> files = weightFiles(dir);
    Map<String, TensorInfo> all = new LinkedHashMap<>();
    for (Path file : files) {
      all.putAll(SafetensorsFile.open(file).tensors());
    }
    return all;
  }

  private static List<Path> weightFiles(Path dir) {
    Path index = dir.resolve(INDEX);
    if (Files.isRegularFile(index)) {
      JsonNode map = readJson(index, true).path("weight_map");
      TreeMap<String, Path> shards = new TreeMap<>();
      map.forEach(n -> shards.put(n.asText(), dir.resolve(n.asText())));
      for (Path shard : shards.values()) {
        if (!Files.isRegularFile(shard)) {
          throw new CheckpointException(INDEX + " in " + dir + " names shard " + shard.getFileName()
              + ", which is missing");
        }
      }
      if (shards.isEmpty()) {
        throw new CheckpointException(index + " has an empty weight_map");
      }
      return new ArrayList<>(shards.values());
    }
    try (Stream<Path> list = Files.list(dir)) {
      List<Path> files = list.filter(p -> p.getFileName().toString().endsWith(".safetensors")).sorted().toList();
      if (files.isEmpty()) {
        boolean pickle = Files.exists(dir.resolve("pytorch_model.bin"));
        throw new CheckpointException("model folder " + dir + " has no *.safetensors weights"
            + (pickle ? " (pytorch_model.bin is not supported; save the model with safe_serialization=True)" : ""));
      }
      return files;
    } catch (IOException e) {
      throw new CheckpointException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode readJson(Path file, boolean required) {
    if (!Files.isRegularFile(file)) {
      if (required) {
        throw new CheckpointException("model folder " + file.getParent() + " has no " + file.getFileName());
      }
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new CheckpointException("cannot parse " + file + ": " + e.getMessage(), e);
    }
  }

  /** The folder. */
  public Path dir() {
    return dir;
  }

  /** Normalised architecture parameters. */
  public ModelConfig config() {
    return config;
  }

  /** config.json as parsed JSON. */
  public JsonNode rawConfig() {
    return rawConfig;
  }

  /** tokenizer_config.json, or an empty object when the file is absent. */
  public JsonNode tokenizerConfig() {
    return tokenizerConfig;
  }

  /** generation_config.json when present. */
  public Optional<JsonNode> generationConfig() {
    Path file = dir.resolve(GENERATION_CONFIG);
    return Files.isRegularFile(file) ? Optional.of(readJson(file, true)) : Optional.empty();
  }

  /** Path of tokenizer.json. */
  public Path tokenizerFile() {
    return dir.resolve(TOKENIZER);
  }

  /** All tensors across shards by name. */
  public Map<String, TensorInfo> tensors() {
    return tensors;
  }

  /** Whether a tensor of that name exists. */
  public boolean has(String name) {
    return tensors.containsKey(name);
  }

  /** A tensor's descriptor, failing with the checkpoint name if it is absent. */
  public TensorInfo tensor(String name) {
    TensorInfo info = tensors.get(name);
    if (info == null) {
      throw new CheckpointException("checkpoint " + dir + " (" + config.architecture().modelType()
          + ") has no tensor '" + name + "'");
    }
    return info;
  }

  /** Reads a tensor widened to float32, checking its shape. */
  public FloatTensor read(String name, long... expectedShape) {
    TensorInfo info = tensor(name);
    if (expectedShape.length > 0 && !java.util.Arrays.equals(info.shape(), expectedShape)) {
      throw new CheckpointException("tensor " + info + " in " + dir + " should have shape "
          + java.util.Arrays.toString(expectedShape));
    }
    return SafetensorsFile.readFloat32(info);
  }

  /**
   * A fingerprint of the model's identity: config.json, tokenizer.json and every tensor's name,
   * dtype and shape, hashed with SHA-256. Cheap (no weight bytes are read) and stable across
   * copies of the same folder.
   */
  public String fingerprint() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(Files.readAllBytes(dir.resolve(CONFIG)));
      sha.update(Files.readAllBytes(tokenizerFile()));
      new TreeMap<>(tensors).values().forEach(t ->
          sha.update((t.name() + t.dtype() + java.util.Arrays.toString(t.shape()) + t.length())
              .getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new CheckpointException("cannot fingerprint " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Dominant stored dtype of the weights (the most common floating dtype by element count). */
  public TensorDType storedDType() {
    Map<TensorDType, Long> counts = new TreeMap<>();
    tensors.values().forEach(t -> counts.merge(t.dtype(), t.elementCount(), Long::sum));
    return counts.entrySet().stream().filter(e -> e.getKey().isFloating())
        .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(TensorDType.F32);
  }

  /** Total parameter count. */
  public long parameterCount() {
    return tensors.values().stream().mapToLong(TensorInfo::elementCount).sum();
  }
}
