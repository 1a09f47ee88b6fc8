package io.alignscope.jobs.deploy;

import io.alignscope.lm.tiny.EmbeddedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarFile;

/**
 * Local folders holding the tiny base/aligned pair, for runs that need model folders (a standalone
 * worker, an S3 bucket): the pair embedded in the job jar when it has one, otherwise a quick pair
 * built once by the jar's own {@code build-tiny-models --quick} (a separate process, ~30 s) and
 * kept under jobs/target/it/tiny-models.
 *
 * @param base the base model's folder
 * @param aligned the aligned model's folder
 */
record TinyModels(Path base, Path aligned) {
  private static TinyModels instance;

  static synchronized TinyModels get() {
    if (instance == null) {
      instance = locate();
    }
    return instance;
  }

  private static TinyModels locate() {
    Path root = ItEnvironment.shared().resolve("tiny-models");
    if (jarEmbedsModels()) {
      return new TinyModels(EmbeddedModels.materialize(EmbeddedModels.PREFIX + EmbeddedModels.BASE, root),
          EmbeddedModels.materialize(EmbeddedModels.PREFIX + EmbeddedModels.ALIGNED, root));
    }
    Path base = root.resolve("tiny-base");
    Path aligned = root.resolve("tiny-aligned");
    Path done = root.resolve(".complete");
    if (!Files.exists(done)) {
      try {
        ItEnvironment.deleteTree(root);
        Files.createDirectories(root);
        List<String> command = List.of(ItEnvironment.java(), "-Xmx2g", "-cp",
            ItEnvironment.jar() + ":" + ItEnvironment.sparkClasspath(), "io.alignscope.jobs.AlignscopeMain",
            "build-tiny-models", "--out", root.toString(), "--quick");
        try (ManagedProcess build = ManagedProcess.start("build-tiny-models", command, ItEnvironment.childEnvironment(),
            root, root.getParent().resolve("tiny-models-build.log"))) {
          int code = build.waitFor(Duration.ofMinutes(5));
          if (code != 0) {
            throw new IllegalStateException("build-tiny-models failed (" + code + "):\n" + build.tail(30));
          }
        }
        Files.writeString(done, "built by build-tiny-models --quick\n");
      } catch (IOException e) {
        throw new IllegalStateException("cannot build the tiny pair in " + root + ": " + e.getMessage(), e);
      }
    }
    return new TinyModels(base, aligned);
  }

  private static boolean jarEmbedsModels() {
    try (JarFile jar = new JarFile(ItEnvironment.jar().toFile())) {
      return jar.getEntry("io/alignscope/lm/tiny/models/tiny-base/files.txt") != null
          && jar.getEntry("io/alignscope/lm/tiny/models/tiny-aligned/files.txt") != null;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The --set overrides pointing a run at this pair. */
  List<String> overrides() {
    return List.of("--set", "models.base.path=" + base, "--set", "models.aligned.path=" + aligned);
  }
}
