package io.alignscope.jobs.cli;

import io.alignscope.jobs.pipeline.Pipeline;

import io.alignscope.jobs.config.JobConfig;
import io.alignscope.jobs.models.ModelIdentity;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code alignscope validate}: configuration and models checked, nothing run. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check the configuration, the output folder and the model pair (architectures, tokenizers, "
        + "prompt formats) without running any task.")
final class ValidateCommand implements Callable<Integer> {
  @Mixin ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() {
    JobConfig config = options.load();
    for (ModelIdentity m : SparkSessions.with(config, spark -> new Pipeline(spark, config).validate())) {
      System.out.printf("%s: %s (%s, vocabulary %d, %s)%n", m.role(), m.location(), m.modelType(), m.vocabSize(),
          m.promptFormat());
    }
    System.out.println("configuration is valid; stages: " + config.run().stages());
    return 0;
  }
}
