package io.alignscope.jobs.cli;

import io.alignscope.lm.tiny.TinyPairBuilder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alignscope build-tiny-models}: rebuilds the tiny model pair from scratch. */
@Command(name = "build-tiny-models", mixinStandardHelpOptions = true,
    description = "Rebuild the tiny base/aligned model pair offline (tokenizer, pre-training, fine-tuning).")
final class BuildTinyModelsCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, description = "folder for tiny-base/ and tiny-aligned/")
  Path out;

  @Option(names = "--quick", description = "a seconds-long build of a smaller pair (for smoke tests)")
  boolean quick;

  @Override
  public Integer call() throws Exception {
    TinyPairBuilder.Result r = TinyPairBuilder.build(quick ? TinyPairBuilder.Plan.quick() : TinyPairBuilder.Plan.full(), out);
    System.out.println("base: " + r.base());
    System.out.println("aligned: " + r.aligned());
    return 0;
  }
}
