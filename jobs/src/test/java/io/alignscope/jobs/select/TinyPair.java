package io.alignscope.jobs.select;

import io.alignscope.lm.tiny.TinyPairBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's tiny model pair for tests: the embedded pair is not on the classpath of this
 * worktree, so a small pair is built once per test JVM (about 10 s): {@link
 * TinyPairBuilder.Plan#quick()}'s model size and schedule with a 2048-token vocabulary trained on
 * 400 documents, which cuts AlpacaEval answers to about 550 tokens on average (the quick plan's
 * 400-token vocabulary needs about 850).
 */
final class TinyPair {
  private static TinyPairBuilder.Result built;

  private TinyPair() {}

  static synchronized TinyPairBuilder.Result get() {
    if (built == null) {
      try {
        Path dir = Files.createTempDirectory("select-tiny-pair");
        built = TinyPairBuilder.build(plan(), dir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot build the tiny model pair", e);
      }
    }
    return built;
  }

  static TinyPairBuilder.Plan plan() {
    TinyPairBuilder.Plan q = TinyPairBuilder.Plan.quick();
    return new TinyPairBuilder.Plan(q.seed(), 400, 200, 2048, q.hidden(), q.layers(), q.heads(), q.intermediate(),
        q.base(), q.aligned(), q.baseShareInFineTuning(), q.storage());
  }

  /** Config overrides pointing at the pair. */
  static java.util.List<String> overrides() {
    TinyPairBuilder.Result pair = get();
    return java.util.List.of("models.base.path=\"" + pair.base() + "\"", "models.aligned.path=\"" + pair.aligned()
        + "\"");
  }
}
