package io.alignscope.jobs.models;

import io.alignscope.jobs.config.ModelSettings;
import io.alignscope.jobs.config.ModelSpec;
import io.alignscope.lm.checkpoint.Checkpoint;
import io.alignscope.lm.text.LmTokenizer;
import io.alignscope.lm.text.Message;
import io.alignscope.lm.text.PromptFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * Checks on the driver, before any task runs, that the configured pair can be compared: each
 * folder exists and holds a supported architecture with safetensors weights, each tokenizer
 * loads and fits its model, both prompt formats render, and the two vocabularies are identical
 * (token distribution shift compares ranks and probabilities of the same token ids). Remote
 * models are checked from their small files only; their weights are not downloaded here.
 */
public final class PairValidator {
  private PairValidator() {}

  /** The identities of both models, or a {@link ModelValidationException} naming the problem. */
  public static List<ModelIdentity> validate(ModelSettings settings, Configuration hadoop) {
    ModelStore store = new ModelStore(settings.cacheDir(), hadoop);
    Checkpoint base = open(settings.base(), store);
    Checkpoint aligned = open(settings.aligned(), store);
    try (LmTokenizer baseTokenizer = tokenizer(settings.base(), base);
        LmTokenizer alignedTokenizer = tokenizer(settings.aligned(), aligned)) {
      baseTokenizer.vocabularyDifference(alignedTokenizer).ifPresent(difference -> {
        throw new ModelValidationException("models.base (" + settings.base().path() + ") and models.aligned ("
            + settings.aligned().path() + ") have incompatible tokenizers: " + difference
            + "; distribution shift needs one shared vocabulary");
      });
      return List.of(identity(settings.base(), base, baseTokenizer), identity(settings.aligned(), aligned, alignedTokenizer));
    }
  }

  private static Checkpoint open(ModelSpec spec, ModelStore store) {
    String key = "models." + spec.role() + ".path";
    try {
      return ModelStore.isRemote(spec.path())
          ? Checkpoint.openMetadata(store.localizeMetadata(spec.path()))
          : Checkpoint.open(store.localize(spec.path()));
    } catch (RuntimeException e) {
      throw new ModelValidationException(key + " = " + spec.path() + ": " + e.getMessage(), e);
    }
  }

  private static LmTokenizer tokenizer(ModelSpec spec, Checkpoint checkpoint) {
    String key = "models." + spec.role();
    LmTokenizer tokenizer;
    try {
      tokenizer = LmTokenizer.of(checkpoint);
    } catch (RuntimeException e) {
      throw new ModelValidationException(key + ".path = " + spec.path() + ": " + e.getMessage(), e);
    }
    try {
      if (tokenizer.vocabSize() > checkpoint.config().vocabSize()) {
        throw new ModelValidationException(key + ".path = " + spec.path() + ": the tokenizer has "
            + tokenizer.vocabSize() + " ids but the model only " + checkpoint.config().vocabSize() + " embeddings");
      }
      PromptFormat format = PromptFormats.of(spec, tokenizer);
      format.promptIds(List.of(Message.user("Is this prompt format valid?")));
      return tokenizer;
    } catch (ModelValidationException e) {
      tokenizer.close();
      throw e;
    } catch (RuntimeException e) {
      tokenizer.close();
      throw new ModelValidationException(key + ".prompt-format = " + spec.promptFormat().name().toLowerCase()
          .replace('_', '-') + " (" + spec.path() + "): " + e.getMessage(), e);
    }
  }

  private static ModelIdentity identity(ModelSpec spec, Checkpoint checkpoint, LmTokenizer tokenizer) {
    boolean weightsRead = !checkpoint.tensors().isEmpty();
    return new ModelIdentity(spec.role(), spec.path(), checkpoint.config().architecture().modelType(),
        checkpoint.fingerprint(), weightsRead ? checkpoint.parameterCount() : -1,
        weightsRead ? checkpoint.storedDType().name() : "", tokenizer.vocabSize(), tokenizer.fingerprint(),
        PromptFormats.of(spec, tokenizer).describe());
  }
}
