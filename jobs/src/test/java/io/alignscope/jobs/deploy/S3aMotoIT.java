package io.alignscope.jobs.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Models, corpus and outputs on S3 through s3a, against a local S3-compatible server (moto) on
 * 127.0.0.1: the test uploads the tiny pair and a corpus with boto3, runs the job (local profile,
 * its own driver JVM, hadoop-aws from the Spark home) with s3a:// locations only, and checks what
 * landed in the bucket. The endpoint and path-style access are Spark properties on the command
 * line; the credentials reach s3a only through the standard provider chain
 * (DefaultAWSCredentialsProviderChain, reading AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY from the
 * driver's environment) and appear in no file.
 *
 * <p>Skipped, with the reason, where python3 with moto and boto3 is not available.
 */
class S3aMotoIT {
  private static final String BUCKET = "alignscope-it";
  private static final String ACCESS_KEY = "it-access-key";
  // Not a real secret: moto accepts any credentials. It must appear in no output file.
  private static final String SECRET_KEY = "it-secret-do-not-write-me-anywhere";
  private static Path dir;
  private static Path tool;
  private static ManagedProcess moto;
  private static String endpoint;

  @BeforeAll
  static void startMoto() throws Exception {
    String missing = pythonModulesMissing();
    assumeTrue(missing == null, "S3 test skipped: " + missing);
    dir = ItEnvironment.scratch("s3a");
    tool = dir.resolve("s3_tool.py");
    try (InputStream in = S3aMotoIT.class.getResourceAsStream("/deploy/s3_tool.py")) {
      Files.copy(in, tool, StandardCopyOption.REPLACE_EXISTING);
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    endpoint = "http://127.0.0.1:" + port;
    moto = ManagedProcess.start("moto", List.of("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p",
        Integer.toString(port)), awsEnvironment(), dir, dir.resolve("moto.log"));
    awaitHttp(endpoint, Duration.ofSeconds(60));
  }

  @AfterAll
  static void stopMoto() {
    if (moto != null) {
      moto.close();
    }
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void modelsCorpusAndOutputsOnS3() throws Exception {
    TinyModels models = TinyModels.get();
    Path corpus = ItCorpus.write(dir.resolve("prompts.jsonl"), 0, 8);
    s3("mb", BUCKET);
    s3("put", BUCKET, "models/tiny-base", models.base().toString());
    s3("put", BUCKET, "models/tiny-aligned", models.aligned().toString());
    s3("put", BUCKET, "corpora/prompts.jsonl", corpus.toString());

    String run = "s3a://" + BUCKET + "/runs/2024-06-01";
    List<String> args = new ArrayList<>(List.of("--profile", "local", "--conf", "spark.master=local[2]",
        "--conf", "spark.driver.memory=2g",
        "--conf", "spark.hadoop.fs.s3a.endpoint=" + endpoint,
        "--conf", "spark.hadoop.fs.s3a.endpoint.region=us-east-1",
        "--conf", "spark.hadoop.fs.s3a.path.style.access=true",
        "--conf", "spark.hadoop.fs.s3a.connection.ssl.enabled=false",
        "--conf", "spark.hadoop.fs.s3a.aws.credentials.provider=com.amazonaws.auth.DefaultAWSCredentialsProviderChain"));
    args.addAll(AlignscopeSubmit.smallDriver());
    args.addAll(List.of("run",
        "--set", "corpus.path=s3a://" + BUCKET + "/corpora/prompts.jsonl",
        "--set", "models.base.path=s3a://" + BUCKET + "/models/tiny-base",
        "--set", "models.aligned.path=s3a://" + BUCKET + "/models/tiny-aligned",
        "--set", "run.output=" + run,
        "--set", "run.stages=[shift, bf]",
        "--set", "bf.samples=2",
        "--set", "bf.max-new-tokens=8",
        "--set", "spark.partitions=2",
        "--set", "models.cache-dir=" + dir.resolve("model-cache")));
    try (ManagedProcess driver = AlignscopeSubmit.start(args, awsEnvironment(), dir, dir.resolve("driver.log"))) {
      int code = driver.waitFor(Duration.ofMinutes(6));
      assertEquals(0, code, "the S3 run failed:\n" + driver.tail(80));
    }

    Map<String, Long> objects = listing("runs/2024-06-01/");
    Files.writeString(dir.resolve("bucket-listing.txt"), String.join("\n", objects.keySet()));
    assertTrue(objects.containsKey("runs/2024-06-01/manifest.json"), "no manifest in the bucket: " + objects.keySet());
    for (String table : List.of("corpus", "shift/examples", "bf/prompts", "shift/summary", "rejects/stage=ingest")) {
      assertTrue(objects.containsKey("runs/2024-06-01/" + table + "/_SUCCESS"), table + " not committed");
      assertTrue(objects.keySet().stream().anyMatch(k -> k.startsWith("runs/2024-06-01/" + table + "/part-")),
          table + " has no data file");
    }
    assertFalse(objects.keySet().stream().anyMatch(k -> k.contains("_temporary")), "uncommitted files left behind");

    Path local = dir.resolve("downloaded");
    s3("get", BUCKET, "runs/2024-06-01/", local.toString());
    Set<String> ids = ItCorpus.ids(0, 8);
    try (RunOutputs outputs = new RunOutputs(local)) {
      assertEquals(ids, outputs.idsOnce("shift/examples", "id"));
      assertEquals(ids, outputs.idsOnce("bf/prompts", "id", "model"));
      assertEquals(24, outputs.count("bf/prompts"));
      assertEquals(run, outputs.manifest().path("config").path("run").path("output").asText());
      assertEquals("s3a://" + BUCKET + "/models/tiny-base",
          outputs.manifest().path("models").get(0).path("location").asText());
    }
    // The models were copied from the bucket into the local cache once (ModelStore), then used.
    try (Stream<Path> cached = Files.walk(dir.resolve("model-cache"))) {
      assertTrue(cached.anyMatch(p -> p.getFileName().toString().equals(".alignscope-complete")),
          "no completed model copy in the cache folder");
    }
    for (Path root : List.of(local, dir.resolve("model-cache"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          assertFalse(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
              .contains(SECRET_KEY), "the secret key was written to " + file);
        }
      }
    }
  }

  /** What a process needs to reach moto: credentials in the environment only, no instance metadata. */
  private static Map<String, String> awsEnvironment() {
    Map<String, String> env = new LinkedHashMap<>(ItEnvironment.childEnvironment());
    env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    return env;
  }

  private static String s3(String... args) {
    List<String> command = new ArrayList<>(List.of("python3", tool.toString(), endpoint));
    command.addAll(List.of(args));
    Path log = dir.resolve("s3_tool-" + args[0] + ".log");
    try (ManagedProcess p = ManagedProcess.start("s3_tool " + args[0], command, awsEnvironment(), dir, log)) {
      int code = p.waitFor(Duration.ofMinutes(2));
      assertEquals(0, code, "s3_tool " + List.of(args) + " failed:\n" + p.tail(30));
      return p.log();
    }
  }

  private static Map<String, Long> listing(String prefix) {
    Map<String, Long> objects = new LinkedHashMap<>();
    for (String line : s3("ls", BUCKET, prefix).lines().toList()) {
      String[] parts = line.split("\t");
      if (parts.length == 2) {
        objects.put(parts[0], Long.parseLong(parts[1]));
      }
    }
    return objects;
  }

  /** Null when python3 can import moto's server and boto3, else why not. */
  private static String pythonModulesMissing() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import moto.server, boto3, flask")
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "python3 -c 'import moto.server, boto3' timed out";
      }
      return p.exitValue() == 0 ? null
          : "python3 cannot import moto's server and boto3 (pip install 'moto[server]' boto3): " + out.trim();
    } catch (IOException e) {
      return "python3 is not available: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static void awaitHttp(String url, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpURLConnection c = (HttpURLConnection) URI.create(url + "/").toURL().openConnection();
        c.setConnectTimeout(1000);
        c.setReadTimeout(2000);
        if (c.getResponseCode() > 0) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      if (!moto.isAlive()) {
        throw new AssertionError("moto exited:\n" + moto.tail(30));
      }
      ManagedProcess.sleep(250);
    }
    throw new AssertionError("moto did not answer on " + url + " within " + timeout + ":\n" + moto.tail(30));
  }
}
