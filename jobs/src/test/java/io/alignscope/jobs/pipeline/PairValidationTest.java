package io.alignscope.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alignscope.jobs.models.ModelValidationException;
import io.alignscope.jobs.testing.RunConfigs;
import io.alignscope.jobs.testing.SparkTests;
import io.alignscope.jobs.testing.TaskCounter;
import io.alignscope.lm.tiny.EmbeddedModels;
import io.alignscope.lm.tiny.ByteLevelBpeTrainer;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad model configurations stop the run on the driver, before any Spark task, naming the problem. */
class PairValidationTest {
  @TempDir static Path dir;
  static SparkSession spark;
  static TaskCounter tasks;
  static Path base;

  @BeforeAll
  static void setUp() {
    spark = SparkTests.session("PairValidationTest", "local[2]");
    tasks = new TaskCounter();
    spark.sparkContext().addSparkListener(tasks);
    base = EmbeddedModels.materialize("embedded:tiny-base", dir.resolve("cache"));
  }

  @AfterAll
  static void tearDown() {
    SparkTests.stop(spark);
  }

  private static String failure(String... overrides) {
    String[] all = java.util.Arrays.copyOf(overrides, overrides.length + 1);
    all[overrides.length] = "run.stages=[shift]";
    Pipeline pipeline = new Pipeline(spark, RunConfigs.quick(dir.resolve("out"), all));
    ModelValidationException e = assertThrows(ModelValidationException.class, pipeline::run);
    assertEquals(0, tasks.started(), "no task may run before the models are validated");
    return e.getMessage();
  }

  private static Path copyOfBase(String name) throws Exception {
    return copyOf(base, name);
  }

  private static Path copyOf(Path model, String name) throws Exception {
    Path copy = dir.resolve(name);
    Files.createDirectories(copy);
    try (var files = Files.list(model)) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return copy;
  }

  @Test
  void missingModelFolder() {
    String message = failure("models.base.path=" + dir.resolve("no-such-model"));
    assertTrue(message.startsWith("models.base.path = " + dir.resolve("no-such-model") + ": model folder "), message);
    assertTrue(message.contains("does not exist"), message);
  }

  @Test
  void unsupportedArchitecture() throws Exception {
    Path falcon = copyOfBase("falcon");
    ObjectMapper json = new ObjectMapper();
    ObjectNode config = (ObjectNode) json.readTree(falcon.resolve("config.json").toFile());
    config.put("model_type", "falcon");
    json.writeValue(falcon.resolve("config.json").toFile(), config);
    String message = failure("models.aligned.path=" + falcon);
    assertTrue(message.startsWith("models.aligned.path = " + falcon), message);
    assertTrue(message.contains("unsupported model_type 'falcon'; supported: llama, mistral, qwen2, gpt2"), message);
  }

  @Test
  void mismatchedTokenizers() throws Exception {
    Path mixed = copyOf(EmbeddedModels.materialize("embedded:tiny-aligned", dir.resolve("cache")), "mixed-tokenizer");
    ByteLevelBpeTrainer.train(List.of("a different tokenizer trained on other text"), 400,
        io.alignscope.lm.tiny.TinyPairBuilder.SPECIAL_TOKENS).writeTokenizerJson(mixed.resolve("tokenizer.json"));
    String message = failure("models.aligned.path=" + mixed);
    assertTrue(message.contains("models.base (embedded:tiny-base) and models.aligned (" + mixed
        + ") have incompatible tokenizers: vocabulary sizes differ: 2048 vs 267; distribution shift needs one shared "
        + "vocabulary"), message);
  }

  @Test
  void aChatTemplateFormatNeedsAChatTemplate() {
    String message = failure("models.base.prompt-format=chat-template");
    assertTrue(message.startsWith("models.base.prompt-format = chat-template (embedded:tiny-base): "
        + "tokenizer_config.json has no chat_template"), message);
  }
}
