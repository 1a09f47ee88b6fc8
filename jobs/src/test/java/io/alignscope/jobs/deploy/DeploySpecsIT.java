package io.alignscope.jobs.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployment specs against the job and Spark as they really are: every alignscope argument in
 * them (subcommand, --config, --set) goes through the job's own command line and configuration
 * loader; every Spark property is a key Spark knows (or a documented pattern); the GPU specs carry
 * the gpu-cluster profile unchanged; the Java 17 and DJL offline flags equal the root pom's; the
 * Airflow DAG compiles and its argument module's output passes the same checks; the GPU discovery
 * script answers as Spark expects; and no file holds credentials.
 */
class DeploySpecsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String MAIN_CLASS = "io.alignscope.jobs.AlignscopeMain";
  private static final String GPU_PROFILE_CONF = "gpu-cluster.conf";
  private static Path root;
  private static Path dir;
  private static String javaOptions;
  private static Map<String, String> gpuProfile;

  @BeforeAll
  static void setUp() throws IOException {
    root = ItEnvironment.root();
    dir = ItEnvironment.scratch("specs");
    javaOptions = ItEnvironment.java17Opens() + " " + ItEnvironment.pomProperty("djl.offline.env");
    gpuProfile = properties(root.resolve("conf/spark/gpu-cluster.properties"));
  }

  // ---------------------------------------------------------------- profiles and the wrapper

  @Test
  void profilesAreValidJobConfigurationsAndSparkPropertyFiles() throws IOException {
    for (String profile : List.of("local", "cpu-cluster", "gpu-cluster")) {
      JsonNode config = JobArguments.validate(List.of("run", "--config", profile + ".conf"), profile + ".conf");
      assertFalse(config.path("models").path("device").asText().isEmpty());
      Path file = root.resolve("conf/spark/" + profile + ".properties");
      int line = 0;
      for (String text : Files.readAllLines(file)) {
        line++;
        String t = text.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        // alignscope-submit reads these files line by line: key=value, no continuations.
        assertTrue(t.matches("[A-Za-z0-9._-]+=.*") && !t.endsWith("\\"), file + ":" + line + ": not key=value: " + t);
      }
      properties(file).forEach((k, v) -> assertKnownSpark(k, file.toString()));
    }
    JsonNode gpu = JobArguments.validate(List.of("run", "--config", GPU_PROFILE_CONF), GPU_PROFILE_CONF);
    assertEquals("cuda", gpu.path("models").path("device").asText());
    assertEquals("1", gpuProfile.get("spark.task.resource.gpu.amount"), "one task per GPU");
    assertEquals(gpuProfile.get("spark.executor.resource.gpu.amount"), gpuProfile.get("spark.executor.cores"),
        "executor cores = GPUs per executor");
    assertEquals(ItEnvironment.pomProperty("pytorch.native.version"), gpuProfile.get("spark.executorEnv.PYTORCH_VERSION"),
        "the GPU libtorch must match the jar's DJL PyTorch version");
  }

  @Test
  void theJobRejectsWhatTheseChecksAreMeantToCatch() {
    // Negative controls: the same path the specs go through fails on typos.
    JobArguments.Outcome unknownKey = JobArguments.execute(List.of("show-config", "--set", "run.outptu=/tmp/x"));
    assertEquals(2, unknownKey.code());
    assertTrue(unknownKey.err().contains("unknown key run.outptu"), unknownKey.err());
    JobArguments.Outcome badValue = JobArguments.execute(List.of("show-config", "--set", "run.mode=append"));
    assertEquals(2, badValue.code());
    assertTrue(badValue.err().contains("run.mode"), badValue.err());
    AssertionError unknownOption = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
        () -> JobArguments.validate(List.of("run", "--sett", "a=b"), "negative control"));
    assertTrue(unknownOption.getMessage().contains("rejects"), unknownOption.getMessage());
    assertTrue(SparkKeys.checkSpark("spark.executor.memroy") != null);
    assertTrue(SparkKeys.checkSpark("spark.hadoop.fs.s3a.endpoint.regoin") != null);
    assertNull(SparkKeys.checkSpark("spark.executor.memory"));
    assertNull(SparkKeys.checkSpark("spark.sql.shuffle.partitions"));
  }

  @Test
  void submitWrapperBuildsValidCommandsForEveryProfileAndMaster() throws IOException {
    String script = Files.readString(root.resolve("deploy/bin/alignscope-submit"));
    assertEquals(ItEnvironment.java17Opens(), shellConstant(script, "JAVA17_OPENS"));
    assertEquals(ItEnvironment.pomProperty("djl.offline.env"), shellConstant(script, "DJL_OFFLINE_PROPS"));
    List<String> job = List.of("run", "--set", "corpus.path=s3a://bucket/corpora/c.jsonl",
        "--set", "run.output=s3a://bucket/runs/ds=2024-06-01", "--set", "run.mode=resume");
    for (String profile : List.of("local", "cpu-cluster", "gpu-cluster")) {
      for (String master : new String[] {null, "yarn", "k8s://https://10.0.0.1:6443", "spark://10.0.0.2:7077"}) {
        for (String mode : List.of("client", "cluster")) {
          List<String> args = new ArrayList<>(List.of("--profile", profile, "--deploy-mode", mode));
          if (master != null) {
            args.addAll(List.of("--master", master));
          }
          args.add("--dry-run");
          args.addAll(job);
          String where = "alignscope-submit " + String.join(" ", args);
          SubmitCommand command = dryRun(args, where);
          checkSubmit(command, where);
          Map<String, String> expected = properties(root.resolve("conf/spark/" + profile + ".properties"));
          expected.forEach((k, v) -> assertEquals(v, command.conf().get(k), where + ": profile property " + k));
          String conf = JobArguments.configs(command.jobArgs()).get(0);
          if (mode.equals("cluster")) {
            assertEquals(profile + ".conf", conf, where);
            assertTrue(command.options().get("--files").endsWith("/conf/profiles/" + profile + ".conf"), where);
          } else {
            assertEquals(root.resolve("conf/profiles/" + profile + ".conf").toString(), conf, where);
          }
          String effective = master != null ? master : expected.get("spark.master");
          boolean yarn = effective == null || effective.equals("yarn");
          boolean k8s = effective == null || effective.startsWith("k8s://");
          assertEquals(yarn, command.conf().containsKey("spark.yarn.appMasterEnv.DJL_OFFLINE"), where);
          assertEquals(k8s, command.conf().containsKey("spark.kubernetes.driverEnv.DJL_OFFLINE"), where);
        }
      }
    }
    // --gpus-per-executor sets both halves of "one task per GPU"; user --conf wins over the profile;
    // Java options are appended, never replaced.
    SubmitCommand four = dryRun(List.of("--profile", "gpu-cluster", "--gpus-per-executor", "4",
        "--conf", "spark.executor.memory=40g", "--conf", "spark.executor.extraJavaOptions=-XX:+UseG1GC",
        "--dry-run", "run"), "--gpus-per-executor 4");
    assertEquals("4", four.conf().get("spark.executor.resource.gpu.amount"));
    assertEquals("4", four.conf().get("spark.executor.cores"));
    assertEquals("40g", four.conf().get("spark.executor.memory"));
    assertEquals(javaOptions + " -XX:+UseG1GC", four.conf().get("spark.executor.extraJavaOptions"));

    for (List<String> bad : List.of(List.of("--profile", "gpu", "run"), List.of("--class", "x.Y", "run"),
        List.of("--profile", "local"), List.of("--gpus-per-executor", "0", "run"), List.of("--profile", "local", "runn"))) {
      ManagedProcess p = wrapper(bad, "bad-" + bad.hashCode());
      assertEquals(2, p.waitFor(Duration.ofSeconds(30)), "alignscope-submit " + bad + " should fail with 2: " + p.log());
    }
  }

  // ---------------------------------------------------------------- EMR

  @Test
  void emrStepAndClusterConfigurations() throws IOException {
    JsonNode body = JSON.readTree(root.resolve("deploy/emr/step.json").toFile());
    JsonNode step = body.path("Steps").get(0);
    assertEquals("command-runner.jar", step.path("HadoopJarStep").path("Jar").asText());
    List<String> args = strings(step.path("HadoopJarStep").path("Args"));
    assertEquals("spark-submit", args.get(0));
    SubmitCommand command = SubmitCommand.parse(args.subList(1, args.size()), "EMR step");
    checkSubmit(command, "EMR step");
    checkGpuProfile(command.conf(), Set.of(), "EMR step");
    assertEquals("yarn", command.options().get("--master"));
    assertEquals("cluster", command.options().get("--deploy-mode"));
    assertEquals(GPU_PROFILE_CONF, JobArguments.configs(command.jobArgs()).get(0), "EMR step --config");
    assertTrue(command.options().get("--files").endsWith("/" + GPU_PROFILE_CONF), "EMR step ships the profile");
    assertTrue(command.conf().containsKey("spark.yarn.appMasterEnv.DJL_OFFLINE"));

    JsonNode classifications = JSON.readTree(root.resolve("deploy/emr/configurations-gpu.json").toFile());
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    for (JsonNode c : classifications) {
      byName.put(c.path("Classification").asText(), c);
    }
    assertEquals(Set.of("spark-env", "spark-defaults", "capacity-scheduler", "yarn-site", "container-executor"),
        byName.keySet());
    Map<String, String> sparkDefaults = map(byName.get("spark-defaults").path("Properties"));
    sparkDefaults.forEach((k, v) -> assertKnownSpark(k, "EMR spark-defaults"));
    Map<String, String> yarnSite = map(byName.get("yarn-site").path("Properties"));
    yarnSite.forEach((k, v) -> assertNull(SparkKeys.checkDaemon("yarn-site", k), "EMR yarn-site"));
    map(byName.get("capacity-scheduler").path("Properties"))
        .forEach((k, v) -> assertNull(SparkKeys.checkDaemon("capacity-scheduler", k), "EMR capacity-scheduler"));
    Map<String, String> cgroups = Map.of();
    for (JsonNode nested : byName.get("container-executor").path("Configurations")) {
      String section = nested.path("Classification").asText();
      Map<String, String> props = map(nested.path("Properties"));
      props.forEach((k, v) -> assertNull(SparkKeys.checkDaemon("container-executor/" + section, k), "EMR container-executor"));
      if (section.equals("cgroups")) {
        cgroups = props;
      }
    }
    String javaHome = null;
    for (JsonNode nested : byName.get("spark-env").path("Configurations")) {
      assertEquals("export", nested.path("Classification").asText());
      Map<String, String> props = map(nested.path("Properties"));
      props.forEach((k, v) -> assertNull(SparkKeys.checkDaemon("spark-env", k), "EMR spark-env"));
      javaHome = props.get("JAVA_HOME");
    }
    assertTrue(javaHome != null && javaHome.contains("java-17"), "EMR spark-env JAVA_HOME " + javaHome);
    assertEquals(javaHome, sparkDefaults.get("spark.executorEnv.JAVA_HOME"));
    assertEquals(javaHome, sparkDefaults.get("spark.yarn.appMasterEnv.JAVA_HOME"));
    assertEquals(gpuProfile.get("spark.executor.resource.gpu.discoveryScript"),
        sparkDefaults.get("spark.executor.resource.gpu.discoveryScript"));
    assertEquals("yarn.io/gpu", yarnSite.get("yarn.nodemanager.resource-plugins"));
    assertEquals(yarnSite.get("yarn.nodemanager.linux-container-executor.cgroups.mount-path"), cgroups.get("root"));
    String bootstrap = Files.readString(root.resolve("deploy/emr/bootstrap-gpu.sh"));
    assertTrue(bootstrap.contains("CGROUP_ROOT=" + cgroups.get("root")), "bootstrap mounts the cgroup root YARN uses");
    assertTrue(bootstrap.contains("JAVA17=" + javaHome), "bootstrap installs the JAVA_HOME Spark uses");
    assertTrue(bootstrap.contains(gpuProfile.get("spark.executor.resource.gpu.discoveryScript")));
    assertTrue(bootstrap.contains(parentOf(gpuProfile.get("spark.executorEnv.PYTORCH_LIBRARY_PATH"))),
        "bootstrap installs libtorch where PYTORCH_LIBRARY_PATH points");
  }

  // ---------------------------------------------------------------- Dataproc

  @Test
  void dataprocJobAndCluster() throws IOException {
    JsonNode job = YAML.readTree(root.resolve("deploy/dataproc/job.yaml").toFile()).path("job");
    JsonNode spark = job.path("sparkJob");
    assertEquals(MAIN_CLASS, spark.path("mainClass").asText());
    assertTrue(strings(spark.path("jarFileUris")).get(0).endsWith("/alignscope.jar"));
    List<String> args = strings(spark.path("args"));
    JobArguments.validate(args, "Dataproc job");
    assertEquals(GPU_PROFILE_CONF, fileName(JobArguments.configs(args).get(0)));
    Map<String, String> properties = map(spark.path("properties"));
    properties.forEach((k, v) -> assertKnownSpark(k, "Dataproc job properties"));
    checkJavaAndOffline(properties, "Dataproc job");
    checkGpuProfile(properties, Set.of("spark.hadoop.fs.s3a.aws.credentials.provider"), "Dataproc job");

    JsonNode cluster = YAML.readTree(root.resolve("deploy/dataproc/cluster.yaml").toFile()).path("config");
    assertTrue(cluster.path("softwareConfig").path("imageVersion").asText().startsWith("2.2"));
    Map<String, String> props = map(cluster.path("softwareConfig").path("properties"));
    for (Map.Entry<String, String> p : props.entrySet()) {
      String prefix = p.getKey().substring(0, p.getKey().indexOf(':'));
      String key = p.getKey().substring(p.getKey().indexOf(':') + 1);
      switch (prefix) {
        case "spark" -> assertKnownSpark(key, "Dataproc cluster property " + p.getKey());
        case "yarn", "capacity-scheduler", "spark-env" ->
            assertNull(SparkKeys.checkDaemon(prefix, key), "Dataproc cluster property " + p.getKey());
        default -> throw new AssertionError("Dataproc cluster property with unexpected prefix: " + p.getKey());
      }
    }
    String javaHome = props.get("spark-env:JAVA_HOME");
    assertTrue(javaHome.contains("java-17"), javaHome);
    assertEquals(javaHome, props.get("spark:spark.executorEnv.JAVA_HOME"));
    assertEquals(javaHome, props.get("spark:spark.yarn.appMasterEnv.JAVA_HOME"));
    assertEquals(gpuProfile.get("spark.executor.resource.gpu.discoveryScript"),
        props.get("spark:spark.executor.resource.gpu.discoveryScript"));
    String init = Files.readString(root.resolve("deploy/dataproc/init-alignscope.sh"));
    assertTrue(init.contains("JAVA17=" + javaHome), "the init action installs the JAVA_HOME Spark uses");
    assertTrue(init.contains(parentOf(gpuProfile.get("spark.executorEnv.PYTORCH_LIBRARY_PATH"))));
    List<String> actions = new ArrayList<>();
    cluster.path("initializationActions").forEach(a -> actions.add(a.path("executableFile").asText()));
    assertTrue(actions.stream().anyMatch(a -> a.endsWith("/init-alignscope.sh")), actions.toString());
    assertTrue(actions.stream().anyMatch(a -> a.endsWith("/gpu/install_gpu_driver.sh")), actions.toString());
    assertTrue(cluster.path("gceClusterConfig").path("metadata").path("alignscope-artifacts").isTextual());
  }

  // ---------------------------------------------------------------- Kubernetes and the image

  @Test
  void sparkApplicationAndImage() throws IOException {
    JsonNode app = YAML.readTree(root.resolve("deploy/kubernetes/spark-application.yaml").toFile());
    assertEquals("sparkoperator.k8s.io/v1beta2", app.path("apiVersion").asText());
    assertEquals("SparkApplication", app.path("kind").asText());
    JsonNode spec = app.path("spec");
    assertEquals(MAIN_CLASS, spec.path("mainClass").asText());
    assertEquals("Java", spec.path("type").asText());
    assertTrue(spec.path("sparkVersion").asText().startsWith("3.5"));
    List<String> args = strings(spec.path("arguments"));
    JobArguments.validate(args, "SparkApplication");
    String dockerfile = Files.readString(root.resolve("deploy/docker/Dockerfile"));
    Map<String, String> copies = dockerCopies(dockerfile);
    assertEquals("local://" + copies.get("jobs/target/alignscope.jar"), spec.path("mainApplicationFile").asText());
    String profileInImage = JobArguments.configs(args).get(0);
    assertEquals(copies.get("conf/") + "profiles/" + GPU_PROFILE_CONF, profileInImage, "--config is the image's copy");

    Map<String, String> conf = map(spec.path("sparkConf"));
    conf.forEach((k, v) -> assertKnownSpark(k, "SparkApplication sparkConf"));
    checkJavaAndOffline(conf, "SparkApplication");
    assertTrue(conf.containsKey("spark.kubernetes.driverEnv.DJL_OFFLINE"));
    // The operator's size fields are these Spark properties.
    JsonNode executor = spec.path("executor");
    JsonNode driver = spec.path("driver");
    Map<String, String> effective = new LinkedHashMap<>(conf);
    effective.put("spark.executor.cores", executor.path("cores").asText());
    effective.put("spark.executor.memory", executor.path("memory").asText());
    effective.put("spark.executor.memoryOverhead", executor.path("memoryOverhead").asText());
    effective.put("spark.executor.instances", executor.path("instances").asText());
    effective.put("spark.executor.resource.gpu.amount", executor.path("gpu").path("quantity").asText());
    effective.put("spark.driver.memory", driver.path("memory").asText());
    checkGpuProfile(effective, Set.of(), "SparkApplication");
    assertEquals("nvidia.com/gpu", executor.path("gpu").path("name").asText());
    assertEquals(gpuProfile.get("spark.executor.resource.gpu.vendor") + "/gpu", executor.path("gpu").path("name").asText());
    assertTrue(executor.path("tolerations").isArray() && executor.path("tolerations").size() > 0, "GPU tolerations");
    assertFalse(executor.path("nodeSelector").isEmpty(), "GPU node selector");
    JsonNode gpuConf = JobArguments.validate(List.of("run", "--config", GPU_PROFILE_CONF), GPU_PROFILE_CONF);
    String cacheDir = gpuConf.path("models").path("cache-dir").asText();
    for (JsonNode role : List.of(executor, driver)) {
      assertTrue(role.path("volumeMounts").findValuesAsText("mountPath").contains(cacheDir),
          "models.cache-dir is mounted in the pod");
    }

    Matcher from = Pattern.compile("ARG SPARK_IMAGE=(\\S+)").matcher(dockerfile);
    assertTrue(from.find());
    assertTrue(from.group(1).matches("apache/spark:3\\.5\\.\\d+-scala2\\.12-java17-.*"), from.group(1));
    assertTrue(dockerfile.contains("FROM ${SPARK_IMAGE}"));
    for (String source : copies.keySet()) {
      if (!source.equals("jobs/target/alignscope.jar")) {
        assertTrue(Files.exists(root.resolve(source)), "Dockerfile copies a missing " + source);
      }
    }
    assertEquals(gpuProfile.get("spark.executor.resource.gpu.discoveryScript"),
        copies.get("deploy/gpu/getGpusResources.sh"));
    for (String env : List.of("PYTORCH_LIBRARY_PATH", "PYTORCH_VERSION", "PYTORCH_FLAVOR", "RUST_FLAVOR")) {
      Matcher m = Pattern.compile("\\b" + env + "=(\\S+)").matcher(dockerfile);
      assertTrue(m.find(), "Dockerfile sets " + env);
      assertEquals(gpuProfile.get("spark.executorEnv." + env), m.group(1), "Dockerfile " + env);
    }
    assertTrue(dockerfile.contains("DJL_OFFLINE=true") && dockerfile.contains("OPT_OUT_TRACKING=true"));
    Matcher hadoopAws = Pattern.compile("ARG HADOOP_AWS_VERSION=(\\S+)").matcher(dockerfile);
    assertTrue(hadoopAws.find());
    assertEquals(ItEnvironment.pomProperty("hadoop.version"), hadoopAws.group(1), "hadoop-aws matches Spark's Hadoop");

    List<JsonNode> rbac = new ArrayList<>();
    Iterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(root.resolve("deploy/kubernetes/rbac.yaml").toFile());
    docs.forEachRemaining(rbac::add);
    assertTrue(rbac.stream().anyMatch(d -> d.path("kind").asText().equals("ServiceAccount")
        && d.path("metadata").path("name").asText().equals(driver.path("serviceAccount").asText())));
  }

  // ---------------------------------------------------------------- Airflow

  @Test
  void airflowDagCompilesAndItsArgumentsAreValid() throws IOException {
    assumeTrue(python3Available(), "Airflow checks skipped: python3 is not available");
    Path dags = root.resolve("deploy/airflow/dags");
    ManagedProcess compile = python(List.of("-m", "py_compile", dags.resolve("alignscope_dag.py").toString(),
        dags.resolve("alignscope_args.py").toString()), "py_compile");
    assertEquals(0, compile.waitFor(Duration.ofSeconds(60)), compile.log());

    // The DAG calls only functions the args module has, and its templates use only Params it defines.
    String dagSource = Files.readString(dags.resolve("alignscope_dag.py"));
    ManagedProcess ast = python(List.of("-c", String.join("\n",
        "import ast, sys",
        "sys.path.insert(0, sys.argv[1])",
        "import alignscope_args",
        "tree = ast.parse(open(sys.argv[1] + '/alignscope_dag.py').read())",
        "calls = {n.func.attr for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)",
        "         and isinstance(n.func.value, ast.Name) and n.func.value.id == 'alignscope_args'}",
        "missing = [c for c in calls if not hasattr(alignscope_args, c)]",
        "print(sorted(calls)); sys.exit(1 if missing or not calls else 0)"), dags.toString()), "ast");
    assertEquals(0, ast.waitFor(Duration.ofSeconds(60)), "the DAG calls missing functions: " + ast.log());
    Matcher templates = Pattern.compile("\\{\\{\\s*([^}]+?)\\s*}}").matcher(dagSource);
    while (templates.find()) {
      String expr = templates.group(1);
      assertTrue(expr.equals("ds") || expr.matches("params\\.(corpus_path|output_root|run_mode)")
          || expr.matches("var\\.value\\.alignscope_[a-z_]+") || expr.startsWith("task_instance.xcom_pull("),
          "unexpected template {{ " + expr + " }} in the DAG");
      if (expr.startsWith("params.")) {
        assertTrue(dagSource.contains("\"" + expr.substring("params.".length()) + "\": Param("), "Param " + expr);
      }
    }

    for (String mode : List.of("resume", "overwrite")) {
      ManagedProcess run = python(List.of(dags.resolve("alignscope_args.py").toString(), "--ds", "2024-06-01",
          "--corpus", "s3a://alignscope-example/corpora/prompts.jsonl", "--run-mode", mode), "args-" + mode);
      assertEquals(0, run.waitFor(Duration.ofSeconds(60)), run.log());
      JsonNode variants = JSON.readTree(run.log());
      assertEquals(Set.of("spark_submit", "emr", "dataproc"), fieldNames(variants));

      JsonNode submit = variants.path("spark_submit");
      assertEquals(MAIN_CLASS, submit.path("java_class").asText());
      Map<String, String> conf = map(submit.path("conf"));
      conf.forEach((k, v) -> assertKnownSpark(k, "SparkSubmitOperator conf"));
      checkJavaAndOffline(conf, "SparkSubmitOperator");
      checkGpuProfile(conf, Set.of(), "SparkSubmitOperator");
      checkRun(JobArguments.validate(strings(submit.path("application_args")), "SparkSubmitOperator"), mode);

      List<String> stepArgs = strings(variants.path("emr").get(0).path("HadoopJarStep").path("Args"));
      assertEquals("command-runner.jar", variants.path("emr").get(0).path("HadoopJarStep").path("Jar").asText());
      assertEquals("spark-submit", stepArgs.get(0));
      SubmitCommand step = SubmitCommand.parse(stepArgs.subList(1, stepArgs.size()), "EmrAddStepsOperator");
      checkSubmit(step, "EmrAddStepsOperator");
      checkGpuProfile(step.conf(), Set.of(), "EmrAddStepsOperator");
      checkRun(JobArguments.validate(step.jobArgs(), "EmrAddStepsOperator"), mode);

      JsonNode dataproc = variants.path("dataproc").path("spark_job");
      assertEquals(MAIN_CLASS, dataproc.path("main_class").asText());
      Map<String, String> properties = map(dataproc.path("properties"));
      properties.forEach((k, v) -> assertKnownSpark(k, "DataprocSubmitJobOperator properties"));
      checkJavaAndOffline(properties, "DataprocSubmitJobOperator");
      checkGpuProfile(properties, Set.of("spark.hadoop.fs.s3a.aws.credentials.provider"), "DataprocSubmitJobOperator");
      checkRun(JobArguments.validate(strings(dataproc.path("args")), "DataprocSubmitJobOperator"), mode);
    }
    ManagedProcess bad = python(List.of(dags.resolve("alignscope_args.py").toString(), "--ds", "2024-06-01",
        "--corpus", "x", "--run-mode", "append"), "args-bad");
    assertEquals(2, bad.waitFor(Duration.ofSeconds(60)), "an unknown run mode must be refused");
    // The Python copies of the pom's flags and of the GPU profile.
    ManagedProcess constants = python(List.of("-c", String.join("\n",
        "import json, sys",
        "sys.path.insert(0, sys.argv[1])",
        "import alignscope_args as a",
        "print(json.dumps({'opens': a.JAVA17_OPENS, 'djl': a.DJL_OFFLINE_PROPS, 'gpu': a.GPU_CLUSTER_PROPERTIES}))"),
        dags.toString()), "constants");
    assertEquals(0, constants.waitFor(Duration.ofSeconds(60)), constants.log());
    JsonNode c = JSON.readTree(constants.log());
    assertEquals(ItEnvironment.java17Opens(), c.path("opens").asText());
    assertEquals(ItEnvironment.pomProperty("djl.offline.env"), c.path("djl").asText());
    assertEquals(gpuProfile, map(c.path("gpu")), "alignscope_args.GPU_CLUSTER_PROPERTIES = conf/spark/gpu-cluster.properties");
  }

  // ---------------------------------------------------------------- scripts and secrets

  @Test
  void gpuDiscoveryScriptAnswersAsSparkExpects() throws IOException {
    Path script = root.resolve("deploy/gpu/getGpusResources.sh");
    Path fakeBin = Files.createDirectories(dir.resolve("fake-bin"));
    Path smi = fakeBin.resolve("nvidia-smi");
    Files.writeString(smi, "#!/bin/sh\nprintf '0\\n1\\n'\n");
    Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
    String path = fakeBin + ":/usr/bin:/bin";

    JsonNode two = JSON.readTree(discover(script, Map.of("PATH", path), 0));
    assertEquals("gpu", two.path("name").asText());
    assertEquals(List.of("0", "1"), strings(two.path("addresses")));
    JsonNode visible = JSON.readTree(discover(script, Map.of("PATH", path, "CUDA_VISIBLE_DEVICES", "GPU-a1b2,GPU-c3d4,GPU-e5f6"), 0));
    assertEquals(List.of("0", "1", "2"), strings(visible.path("addresses")), "CUDA renumbers visible devices from 0");
    discover(script, Map.of("PATH", "/usr/bin:/bin"), 1);
    discover(script, Map.of("PATH", path, "CUDA_VISIBLE_DEVICES", "-1"), 1);
  }

  @Test
  void scriptsParseAndNoSpecHoldsCredentials() throws IOException {
    List<Path> scripts = List.of(root.resolve("deploy/bin/alignscope-submit"), root.resolve("deploy/gpu/getGpusResources.sh"),
        root.resolve("deploy/emr/bootstrap-gpu.sh"), root.resolve("deploy/dataproc/init-alignscope.sh"));
    for (Path s : scripts) {
      assertTrue(Files.isExecutable(s), s + " is not executable");
      ManagedProcess syntax = ManagedProcess.start("bash -n", List.of("bash", "-n", s.toString()),
          ItEnvironment.childEnvironment(), dir, dir.resolve("bash-n.log"));
      assertEquals(0, syntax.waitFor(Duration.ofSeconds(30)), s + ": " + syntax.log());
    }
    if (onPath("shellcheck")) {
      List<String> command = new ArrayList<>(List.of("shellcheck"));
      scripts.forEach(s -> command.add(s.toString()));
      ManagedProcess check = ManagedProcess.start("shellcheck", command, ItEnvironment.childEnvironment(), dir,
          dir.resolve("shellcheck.log"));
      assertEquals(0, check.waitFor(Duration.ofSeconds(60)), check.log());
    } else {
      System.out.println("shellcheck not installed: shell scripts checked with bash -n only");
    }

    // Key values, not mentions: AWS key ids, a secret/token/s3a key given a value, private keys.
    Pattern secrets = Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"
        + "|(?i)(aws_secret_access_key|aws_session_token|fs\\.s3a\\.(access|secret|session)\\.key)[\"']?\\s*[=:]\\s*\\S"
        + "|-----BEGIN [A-Z ]*PRIVATE KEY-----|\"private_key\"\\s*:");
    for (Path folder : List.of(root.resolve("deploy"), root.resolve("conf"))) {
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Matcher m = secrets.matcher(Files.readString(f));
          if (m.find()) {
            throw new AssertionError(f + " looks like it holds credentials: " + m.group());
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  /** The checks every spark-submit command of a spec must pass. */
  private void checkSubmit(SubmitCommand command, String where) {
    assertEquals(MAIN_CLASS, command.options().get("--class"), where + ": main class");
    command.conf().forEach((k, v) -> assertKnownSpark(k, where));
    checkJavaAndOffline(command.conf(), where);
    JobArguments.validate(command.jobArgs(), where);
  }

  private void checkJavaAndOffline(Map<String, String> conf, String where) {
    for (String role : List.of("driver", "executor")) {
      String options = conf.get("spark." + role + ".extraJavaOptions");
      assertTrue(options != null && options.startsWith(javaOptions),
          where + ": spark." + role + ".extraJavaOptions must start with the pom's Java 17 opens and DJL offline flags");
    }
    assertEquals("true", conf.get("spark.executorEnv.DJL_OFFLINE"), where);
    assertEquals("true", conf.get("spark.executorEnv.OPT_OUT_TRACKING"), where);
  }

  /** The spec carries conf/spark/gpu-cluster.properties unchanged (but for {@code except}). */
  private void checkGpuProfile(Map<String, String> conf, Set<String> except, String where) {
    gpuProfile.forEach((k, v) -> {
      if (!except.contains(k)) {
        assertEquals(v, conf.get(k), where + ": " + k + " differs from conf/spark/gpu-cluster.properties");
      }
    });
  }

  private static void checkRun(JsonNode config, String mode) {
    assertEquals(mode, config.path("run").path("mode").asText());
    assertTrue(config.path("run").path("output").asText().endsWith("/ds=2024-06-01"), "one output folder per run date");
    assertEquals("alignscope-2024-06-01", config.path("run").path("name").asText());
  }

  private static void assertKnownSpark(String key, String where) {
    String problem = SparkKeys.checkSpark(key);
    assertNull(problem, where + ": " + problem);
  }

  private SubmitCommand dryRun(List<String> args, String where) {
    ManagedProcess p = wrapper(args, "dry-run");
    assertEquals(0, p.waitFor(Duration.ofSeconds(30)), where + ": " + p.log());
    List<String> lines = p.log().lines().toList();
    assertEquals("spark-submit", lines.get(0), where);
    return SubmitCommand.parse(lines.subList(1, lines.size()), where);
  }

  private ManagedProcess wrapper(List<String> args, String name) {
    List<String> command = new ArrayList<>(List.of("bash", root.resolve("deploy/bin/alignscope-submit").toString()));
    command.addAll(args);
    Map<String, String> env = ItEnvironment.childEnvironment();
    env.put("SPARK_SUBMIT", "spark-submit");
    env.put("ALIGNSCOPE_JAR", ItEnvironment.jar().toString());
    return ManagedProcess.start("alignscope-submit", command, env, dir, dir.resolve(name + ".log"));
  }

  private String discover(Path script, Map<String, String> extraEnv, int expectedCode) {
    Map<String, String> env = ItEnvironment.childEnvironment();
    env.remove("CUDA_VISIBLE_DEVICES");
    env.putAll(extraEnv);
    ManagedProcess p = ManagedProcess.start("getGpusResources.sh", List.of("bash", script.toString()), env, dir,
        dir.resolve("discovery.log"));
    assertEquals(expectedCode, p.waitFor(Duration.ofSeconds(30)), extraEnv + ": " + p.log());
    return p.log();
  }

  private ManagedProcess python(List<String> args, String name) {
    List<String> command = new ArrayList<>(List.of("python3"));
    command.addAll(args);
    Map<String, String> env = ItEnvironment.childEnvironment();
    env.put("PYTHONPYCACHEPREFIX", dir.resolve("pycache").toString());
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    return ManagedProcess.start("python3 " + name, command, env, dir, dir.resolve("python-" + name + ".log"));
  }

  private static boolean python3Available() {
    return onPath("python3");
  }

  private static boolean onPath(String program) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }

  /** COPY source -> destination of a Dockerfile. */
  private static Map<String, String> dockerCopies(String dockerfile) {
    Map<String, String> copies = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^COPY\\s+(\\S+)\\s+(\\S+)\\s*$").matcher(dockerfile);
    while (m.find()) {
      copies.put(m.group(1), m.group(2));
    }
    return copies;
  }

  private static String shellConstant(String script, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "=\"([^\"]*)\"").matcher(script);
    assertTrue(m.find(), "alignscope-submit has no " + name);
    return m.group(1);
  }

  private static Map<String, String> properties(Path file) throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(Files.readString(file)));
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#") && t.contains("=")) {
        String key = t.substring(0, t.indexOf('=')).strip();
        out.put(key, p.getProperty(key));
      }
    }
    return out;
  }

  private static Map<String, String> map(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Set<String> fieldNames(JsonNode object) {
    Set<String> names = new java.util.TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String fileName(String location) {
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static String parentOf(String path) {
    return path.substring(0, path.lastIndexOf('/'));
  }
}
