package io.alignscope.lm.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes a checkpoint folder in Hugging Face layout: config.json, model.safetensors,
 * tokenizer.json, tokenizer_config.json and optionally generation_config.json.
 */
public final class CheckpointWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CheckpointWriter() {}

  /**
   * @param dir created if missing
   * @param config config.json contents
   * @param weights tensors by Hugging Face name
   * @param dtype storage type of the weights
   * @param tokenizerJson an existing tokenizer.json to copy
   * @param tokenizerConfig tokenizer_config.json contents
   * @param generationConfig generation_config.json contents, or null
   */
  public static void write(Path dir, JsonNode config, Map<String, FloatTensor> weights, TensorDType dtype,
      Path tokenizerJson, JsonNode tokenizerConfig, JsonNode generationConfig) throws IOException {
    Files.createDirectories(dir);
    JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(Checkpoint.CONFIG).toFile(), config);
    SafetensorsWriter.write(dir.resolve("model.safetensors"), weights, dtype, Map.of("format", "pt"));
    if (!tokenizerJson.toAbsolutePath().equals(dir.resolve(Checkpoint.TOKENIZER).toAbsolutePath())) {
      Files.copy(tokenizerJson, dir.resolve(Checkpoint.TOKENIZER), StandardCopyOption.REPLACE_EXISTING);
    }
    JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(Checkpoint.TOKENIZER_CONFIG).toFile(), tokenizerConfig);
    if (generationConfig != null) {
      JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(Checkpoint.GENERATION_CONFIG).toFile(),
          generationConfig);
    }
  }
}
