package io.alignscope.lm.tiny;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alignscope.lm.checkpoint.Checkpoint;
import io.alignscope.lm.checkpoint.CheckpointWriter;
import io.alignscope.lm.checkpoint.FloatTensor;
import io.alignscope.lm.checkpoint.TensorDType;
import io.alignscope.lm.model.CausalLm;
import io.alignscope.lm.model.LoadOptions;
import io.alignscope.lm.model.Models;
import io.alignscope.lm.text.ChatTemplateFormat;
import io.alignscope.lm.text.LmTokenizer;
import io.alignscope.lm.text.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the project's tiny model pair offline from {@link SyntheticCorpus}: a byte-level BPE
 * tokenizer, a Llama-architecture base model pre-trained on plain text, and an aligned variant
 * fine-tuned from it on chat-formatted instruction/answer pairs. Both are written in Hugging Face
 * layout with the same tokenizer.json. Everything is seeded; the shipped pair (embedded in the
 * jar) came from {@link Plan#full()}.
 */
public final class TinyPairBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(TinyPairBuilder.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Special tokens in id order: BOS, EOS, padding, then the chat roles and end of turn. */
  public static final List<String> SPECIAL_TOKENS =
      List.of("<s>", "</s>", "<pad>", "<|system|>", "<|user|>", "<|assistant|>", "<|end|>");
  /** The aligned model's chat template. */
  public static final String CHAT_TEMPLATE = "{{ bos_token }}{% for message in messages %}"
      + "<|{{ message['role'] }}|>\n{{ message['content'] }}<|end|>\n{% endfor %}"
      + "{% if add_generation_prompt %}<|assistant|>\n{% endif %}";

  /**
   * What to build.
   *
   * @param seed seeds the corpus, initial weights and batch order
   * @param baseDocuments plain-text documents for pre-training and the tokenizer
   * @param examples instruction/answer pairs for fine-tuning
   * @param vocabSize tokenizer size
   * @param hidden model width
   * @param layers decoder blocks
   * @param heads query heads (key/value heads are half)
   * @param intermediate MLP width
   * @param base pre-training schedule
   * @param aligned fine-tuning schedule
   * @param baseShareInFineTuning share of plain-text rows mixed into fine-tuning batches
   * @param storage dtype of the written weights
   */
  public record Plan(long seed, int baseDocuments, int examples, int vocabSize, int hidden, int layers, int heads,
      int intermediate, TinyLmTrainer.Schedule base, TinyLmTrainer.Schedule aligned, double baseShareInFineTuning,
      TensorDType storage) {

    /** The shipped pair (a few minutes on two cores). */
    public static Plan full() {
      return new Plan(20251123L, 6000, 3000, 2048, 128, 4, 4, 352,
          new TinyLmTrainer.Schedule(1400, 16, 192, 2e-3, 100, 0.01, 1),
          new TinyLmTrainer.Schedule(500, 16, 192, 1e-3, 30, 0.01, 2), 0.2, TensorDType.BF16);
    }

    /** A seconds-long build with the same steps, for tests. */
    public static Plan quick() {
      return new Plan(1L, 200, 100, 400, 32, 1, 2, 64,
          new TinyLmTrainer.Schedule(30, 4, 64, 3e-3, 5, 0.0, 1),
          new TinyLmTrainer.Schedule(20, 4, 64, 1e-3, 5, 0.0, 2), 0.2, TensorDType.BF16);
    }
  }

  /** Losses of the two trainings, for the build record. */
  public record Result(Path base, Path aligned, List<Double> baseLosses, List<Double> alignedLosses) {}

  private TinyPairBuilder() {}

  /** Builds {@code out/tiny-base} and {@code out/tiny-aligned}. */
  public static Result build(Plan plan, Path out) throws IOException {
    Path work = Files.createTempDirectory("tiny-pair");
    try {
      return build(plan, out, work);
    } finally {
      ai.djl.util.Utils.deleteQuietly(work);
    }
  }

  private static Result build(Plan plan, Path out, Path work) throws IOException {
    SyntheticCorpus corpus = new SyntheticCorpus(plan.seed());
    List<String> documents = corpus.baseDocuments(plan.baseDocuments());
    List<InstructionExample> examples = corpus.instructionExamples(plan.examples());
    Path tokenizerJson = work.resolve("tokenizer.json");
    List<String> tokenizerText = new ArrayList<>(documents);
    examples.forEach(e -> {
      tokenizerText.add(e.instruction());
      tokenizerText.add(e.alignedAnswer());
    });
    BpeVocabulary vocab = ByteLevelBpeTrainer.train(tokenizerText, plan.vocabSize(), SPECIAL_TOKENS);
    vocab.writeTokenizerJson(tokenizerJson);
    LOG.info("tokenizer: {} ids, {} merges", vocab.size(), vocab.merges().size());

    int bos = vocab.id("<s>");
    int eos = vocab.id("</s>");
    int end = vocab.id("<|end|>");
    TinyModelSpec spec = new TinyModelSpec(vocab.size(), plan.hidden(), plan.layers(), plan.heads(),
        Math.max(1, plan.heads() / 2), plan.intermediate(), 2048, bos, eos);

    Path initial = work.resolve("initial");
    CheckpointWriter.write(initial, spec.configJson(), spec.initialWeights(plan.seed()), TensorDType.F32,
        tokenizerJson, tokenizerConfig(null, "</s>"), null);
    Path basePath = out.resolve(EmbeddedModels.BASE);
    Path alignedPath = out.resolve(EmbeddedModels.ALIGNED);

    List<Double> baseLosses;
    long[] stream;
    try (LmTokenizer tokenizer = LmTokenizer.of(Checkpoint.open(initial))) {
      stream = documentStream(tokenizer, documents, bos, eos);
    }
    try (CausalLm model = Models.load(Checkpoint.open(initial), LoadOptions.cpu().withTraining())) {
      LOG.info("pre-training the base model on {} tokens", stream.length);
      baseLosses = TinyLmTrainer.train(model, TrainingData.stream(stream), plan.base(), s -> { });
      writeModel(model, basePath, spec.configJson(), tokenizerJson, tokenizerConfig(null, "</s>"), null, plan);
    }

    List<Double> alignedLosses;
    ObjectNode alignedConfig = spec.configJson();
    alignedConfig.putArray("eos_token_id").add(eos).add(end);
    ObjectNode generation = JSON.createObjectNode().put("bos_token_id", bos);
    generation.putArray("eos_token_id").add(eos).add(end);
    try (CausalLm model = Models.load(Checkpoint.open(basePath), LoadOptions.cpu().withTraining());
        LmTokenizer tokenizer = LmTokenizer.of(Checkpoint.open(initial))) {
      TrainingData sft = supervised(tokenizer, examples, end);
      TrainingData mixed = TrainingData.mix(TrainingData.stream(stream), plan.baseShareInFineTuning(), sft);
      LOG.info("fine-tuning the aligned model on {} examples", examples.size());
      alignedLosses = TinyLmTrainer.train(model, mixed, plan.aligned(), s -> { });
      writeModel(model, alignedPath, alignedConfig, tokenizerJson, tokenizerConfig(CHAT_TEMPLATE, "<|end|>"),
          generation, plan);
    }
    writeBuildRecord(basePath, plan, baseLosses, "pre-trained on synthetic plain text");
    writeBuildRecord(alignedPath, plan, alignedLosses, "fine-tuned from tiny-base on chat-formatted examples");
    EmbeddedModels.writeListing(basePath);
    EmbeddedModels.writeListing(alignedPath);
    return new Result(basePath, alignedPath, baseLosses, alignedLosses);
  }

  private static long[] documentStream(LmTokenizer tokenizer, List<String> documents, int bos, int eos) {
    List<long[]> parts = new ArrayList<>();
    int total = 0;
    for (String d : documents) {
      long[] ids = tokenizer.encode(d);
      parts.add(ids);
      total += ids.length + 2;
    }
    long[] stream = new long[total];
    int at = 0;
    for (long[] ids : parts) {
      stream[at++] = bos;
      System.arraycopy(ids, 0, stream, at, ids.length);
      at += ids.length;
      stream[at++] = eos;
    }
    return stream;
  }

  private static TrainingData supervised(LmTokenizer tokenizer, List<InstructionExample> examples, int end) {
    ChatTemplateFormat format = new ChatTemplateFormat(tokenizer,
        new io.alignscope.lm.text.ChatTemplate(CHAT_TEMPLATE, Map.of("bos_token", "<s>", "eos_token", "<|end|>")), "");
    List<long[]> prompts = new ArrayList<>();
    List<long[]> answers = new ArrayList<>();
    for (InstructionExample e : examples) {
      prompts.add(format.promptIds(List.of(Message.user(e.instruction()))));
      long[] answer = tokenizer.encode(e.alignedAnswer());
      long[] withEnd = java.util.Arrays.copyOf(answer, answer.length + 1);
      withEnd[answer.length] = end;
      answers.add(withEnd);
    }
    return TrainingData.supervised(prompts, answers);
  }

  /**
   * The tokenizer_config.json of the pair: BOS "&lt;s&gt;" added to prompts, padding "&lt;pad&gt;",
   * the given EOS, and the chat template when not null.
   */
  public static ObjectNode tokenizerConfig(String chatTemplate, String eos) {
    ObjectNode c = JSON.createObjectNode();
    c.put("bos_token", "<s>");
    c.put("eos_token", eos);
    c.put("pad_token", "<pad>");
    c.put("add_bos_token", true);
    c.put("add_eos_token", false);
    c.put("model_max_length", 2048);
    c.put("tokenizer_class", "PreTrainedTokenizerFast");
    if (chatTemplate != null) {
      c.put("chat_template", chatTemplate);
    }
    return c;
  }

  private static void writeModel(CausalLm model, Path dir, ObjectNode config, Path tokenizerJson,
      ObjectNode tokenizerConfig, ObjectNode generation, Plan plan) throws IOException {
    Map<String, FloatTensor> weights = new LinkedHashMap<>();
    model.parameters().forEach((name, array) ->
        weights.put(name, new FloatTensor(array.getShape().getShape(), array.toFloatArray())));
    config.put("torch_dtype", plan.storage() == TensorDType.BF16 ? "bfloat16" : "float32");
    CheckpointWriter.write(dir, config, weights, plan.storage(), tokenizerJson, tokenizerConfig, generation);
  }

  private static void writeBuildRecord(Path dir, Plan plan, List<Double> losses, String how) throws IOException {
    ObjectNode record = JSON.createObjectNode();
    record.put("built_by", TinyPairBuilder.class.getName());
    record.put("how", how);
    record.set("plan", JSON.valueToTree(plan));
    record.put("first_loss", losses.get(0));
    record.put("last_loss", losses.get(losses.size() - 1));
    double tail = losses.subList(Math.max(0, losses.size() - 50), losses.size()).stream()
        .mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    record.put("mean_loss_last_50_steps", tail);
    JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("build.json").toFile(), record);
  }

  /** Builds the full plan into the folder given as the first argument (default: the lm resources). */
  public static void main(String[] args) throws IOException {
    Path out = Paths.get(args.length > 0 ? args[0] : "lm/src/main/resources" + EmbeddedModels.RESOURCE_ROOT);
    Plan plan = args.length > 1 && args[1].equals("quick") ? Plan.quick() : Plan.full();
    Result r = build(plan, out);
    LOG.info("wrote {} and {}", r.base(), r.aligned());
  }
}
