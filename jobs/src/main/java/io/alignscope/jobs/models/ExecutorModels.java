package io.alignscope.jobs.models;

import ai.djl.Device;
import io.alignscope.jobs.config.ModelSettings;
import io.alignscope.jobs.config.ModelSpec;
import io.alignscope.lm.checkpoint.Checkpoint;
import io.alignscope.lm.model.CausalLm;
import io.alignscope.lm.model.Models;
import io.alignscope.lm.text.LmTokenizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor-wide model cache: each (location, device, precision) is loaded once per JVM and
 * shared by all its tasks and stages, then closed when the JVM exits. Unlike the DJL Spark
 * extension, which loads per task, a model here outlives its first task.
 */
public final class ExecutorModels {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorModels.class);
  private static final Map<String, LoadedModel> CACHE = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ExecutorModels::closeAll, "alignscope-models-close"));
  }

  private ExecutorModels() {}

  /** The model for {@code spec} on {@code device}, loading it on first use in this JVM. */
  public static LoadedModel get(ModelSpec spec, ModelSettings settings, Configuration hadoop, Device device) {
    String key = spec.path() + "|" + device + "|" + settings.dtype() + "|" + spec.promptFormat() + "|"
        + spec.wrapper().hashCode() + "|" + spec.systemPrompt().hashCode();
    return CACHE.computeIfAbsent(key, k -> load(spec, settings, hadoop, device));
  }

  private static LoadedModel load(ModelSpec spec, ModelSettings settings, Configuration hadoop, Device device) {
    org.apache.spark.SparkEnv env = org.apache.spark.SparkEnv.get();
    EngineSetup.apply(settings.torchThreads(), env == null ? 1 : EngineSetup.concurrentTasks(env.conf()));
    long start = System.nanoTime();
    Checkpoint checkpoint = Checkpoint.open(new ModelStore(settings.cacheDir(), hadoop).localize(spec.path()));
    CausalLm model = Models.load(checkpoint, DeviceSelector.options(device, settings.dtype()));
    LmTokenizer tokenizer = LmTokenizer.of(checkpoint);
    LOG.info("loaded {} model {} ({}, {} parameters) on {} in {} ms", spec.role(), spec.path(),
        checkpoint.config().architecture().modelType(), checkpoint.parameterCount(), device,
        (System.nanoTime() - start) / 1_000_000);
    return new LoadedModel(spec, checkpoint, model, tokenizer, PromptFormats.of(spec, tokenizer));
  }

  /** Closes every cached model (at JVM exit, or between tests). */
  public static synchronized void closeAll() {
    CACHE.values().forEach(LoadedModel::close);
    CACHE.clear();
  }
}
