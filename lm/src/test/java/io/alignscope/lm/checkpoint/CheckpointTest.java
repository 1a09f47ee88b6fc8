package io.alignscope.lm.checkpoint;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alignscope.lm.model.CausalLm;
import io.alignscope.lm.model.LoadOptions;
import io.alignscope.lm.model.Models;
import io.alignscope.lm.testing.TestCheckpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void opensAndDescribesATinyLlama() throws Exception {
    Checkpoint c = Checkpoint.open(TestCheckpoints.tinyLlama(dir.resolve("m"), 1));
    assertEquals(Architecture.LLAMA, c.config().architecture());
    assertEquals(2, c.config().kvGroups());
    assertEquals(8, c.config().headDim());
    assertEquals(TensorDType.F32, c.storedDType());
    // 2 layers x (4 norm/attn mats + 3 mlp + 2 norms) + embed + norm + head
    assertEquals(2 * 9 + 3, c.tensors().size());
    assertEquals(64, c.fingerprint().length());
  }

  @Test
  void missingFolderConfigAndTokenizerAreNamed() throws Exception {
    assertMessage(dir.resolve("nope"), "does not exist");
    Path m = TestCheckpoints.tinyLlama(dir.resolve("m"), 1);
    Files.delete(m.resolve("tokenizer.json"));
    assertMessage(m, "has no tokenizer.json");
    Files.delete(m.resolve("config.json"));
    assertMessage(m, "has no config.json");
  }

  @Test
  void unsupportedArchitectureListsSupportedOnes() throws Exception {
    Path m = TestCheckpoints.tinyLlama(dir.resolve("m"), 1);
    ObjectNode config = (ObjectNode) JSON.readTree(m.resolve("config.json").toFile());
    config.put("model_type", "falcon");
    JSON.writeValue(m.resolve("config.json").toFile(), config);
    CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.open(m));
    assertTrue(e.getMessage().contains("unsupported model_type 'falcon'"), e.getMessage());
    assertTrue(e.getMessage().contains("llama, mistral, qwen2, gpt2"), e.getMessage());
  }

  @Test
  void unsupportedRopeScalingIsNamed() throws Exception {
    Path m = TestCheckpoints.tinyLlama(dir.resolve("m"), 1);
    ObjectNode config = (ObjectNode) JSON.readTree(m.resolve("config.json").toFile());
    config.putObject("rope_scaling").put("rope_type", "yarn").put("factor", 4.0);
    JSON.writeValue(m.resolve("config.json").toFile(), config);
    CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.open(m));
    assertTrue(e.getMessage().contains("unsupported rope_scaling type 'yarn'"), e.getMessage());
  }

  @Test
  void pickleOnlyCheckpointGetsAHint() throws Exception {
    Path m = TestCheckpoints.tinyLlama(dir.resolve("m"), 1);
    Files.move(m.resolve("model.safetensors"), m.resolve("pytorch_model.bin"));
    assertMessage(m, "pytorch_model.bin is not supported");
  }

  @Test
  void shardedCheckpointWithIndexLoadsTheSameModel() throws Exception {
    Path whole = TestCheckpoints.tinyLlama(dir.resolve("whole"), 3);
    Checkpoint single = Checkpoint.open(whole);
    Path sharded = dir.resolve("sharded");
    Files.createDirectories(sharded);
    for (String f : new String[] {"config.json", "tokenizer.json", "tokenizer_config.json"}) {
      Files.copy(whole.resolve(f), sharded.resolve(f));
    }
    Map<String, FloatTensor> first = new LinkedHashMap<>();
    Map<String, FloatTensor> second = new LinkedHashMap<>();
    ObjectNode index = JSON.createObjectNode();
    ObjectNode weightMap = index.putObject("weight_map");
    int i = 0;
    for (String name : single.tensors().keySet()) {
      boolean firstHalf = i++ % 2 == 0;
      (firstHalf ? first : second).put(name, single.read(name));
      weightMap.put(name, firstHalf ? "model-00001-of-00002.safetensors" : "model-00002-of-00002.safetensors");
    }
    SafetensorsWriter.write(sharded.resolve("model-00001-of-00002.safetensors"), first, TensorDType.F32, Map.of());
    SafetensorsWriter.write(sharded.resolve("model-00002-of-00002.safetensors"), second, TensorDType.F32, Map.of());
    JSON.writeValue(sharded.resolve("model.safetensors.index.json").toFile(), index);
    Checkpoint shardedCheckpoint = Checkpoint.open(sharded);
    assertEquals(single.tensors().keySet(), shardedCheckpoint.tensors().keySet());
    assertEquals("model-00002-of-00002.safetensors",
        shardedCheckpoint.tensor("model.layers.0.input_layernorm.weight").file().getFileName().toString());
    assertArrayEquals(logits(single), logits(shardedCheckpoint));

    Files.delete(sharded.resolve("model-00002-of-00002.safetensors"));
    assertMessage(sharded, "names shard model-00002-of-00002.safetensors, which is missing");
  }

  @Test
  void bf16WeightsAreWidenedAndGiveTheSameLogitsAsTheirFp32Values() throws Exception {
    Checkpoint original = Checkpoint.open(TestCheckpoints.tinyLlama(dir.resolve("a"), 5));
    Map<String, FloatTensor> rounded = new LinkedHashMap<>();
    for (String name : original.tensors().keySet()) {
      float[] data = original.read(name).data().clone();
      for (int k = 0; k < data.length; k++) {
        data[k] = HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(data[k]));
      }
      rounded.put(name, new FloatTensor(original.tensor(name).shape(), data));
    }
    Path fp32 = dir.resolve("fp32");
    Path bf16 = dir.resolve("bf16");
    CheckpointWriter.write(fp32, original.rawConfig(), rounded, TensorDType.F32, original.tokenizerFile(),
        original.tokenizerConfig(), null);
    CheckpointWriter.write(bf16, original.rawConfig(), rounded, TensorDType.BF16, original.tokenizerFile(),
        original.tokenizerConfig(), null);
    assertEquals(TensorDType.BF16, Checkpoint.open(bf16).storedDType());
    assertArrayEquals(logits(Checkpoint.open(fp32)), logits(Checkpoint.open(bf16)));
  }

  private static float[] logits(Checkpoint c) {
    try (CausalLm model = Models.load(c, LoadOptions.cpu()); NDManager scope = model.manager().newSubManager()) {
      NDArray ids = scope.create(new long[] {0, 5, 9, 40, 7}, new Shape(1, 5));
      return model.forward(ids, ids.onesLike(), null).toFloatArray();
    }
  }

  private static void assertMessage(Path folder, String expected) {
    CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.open(folder));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
