"""The alignscope job's arguments for the Airflow DAGs in alignscope_dag.py.

Pure Python with no Airflow import, so tests can check it: deploy's DeploySpecsIT runs

    python3 alignscope_args.py --ds 2024-06-01 --corpus s3a://bucket/corpora/x.jsonl

and feeds every argument list it prints to the job's real command-line parser. Values may be Jinja
templates ("{{ ds }}", "{{ params.corpus_path }}"): the DAG passes them into operator fields that
Airflow renders (application_args/conf, steps, job).

Idempotence: every run date writes to its own folder, <output_root>/ds=<ds>. With run_mode
"resume" (the default) a retry or a manual rerun of the same date keeps the rows an earlier attempt
already committed and computes only the missing ids, and a rerun after a complete run adds nothing
(the manifest and summaries are rewritten from the tables). "overwrite" recomputes the date from
scratch: use it after changing models or settings, since resume would mix old and new rows.
"""

import argparse
import json
import posixpath

MAIN_CLASS = "io.alignscope.jobs.AlignscopeMain"
RUN_MODES = ("resume", "overwrite")

# The root pom's spark.java17.opens and djl.offline.env (DeploySpecsIT checks they agree).
JAVA17_OPENS = " ".join([
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.net=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
    "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
    "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
    "-Djdk.reflect.useDirectMethodHandle=false",
])
DJL_OFFLINE_PROPS = "-DDJL_OFFLINE=true -Dai.djl.offline=true -Doffline=true"

# conf/spark/gpu-cluster.properties (DeploySpecsIT checks they agree).
GPU_CLUSTER_PROPERTIES = {
    "spark.executor.resource.gpu.amount": "1",
    "spark.executor.cores": "1",
    "spark.task.resource.gpu.amount": "1",
    "spark.task.cpus": "1",
    "spark.executor.resource.gpu.discoveryScript": "/opt/alignscope/gpu/getGpusResources.sh",
    "spark.executor.resource.gpu.vendor": "nvidia.com",
    "spark.executor.memory": "16g",
    "spark.executor.memoryOverhead": "8g",
    "spark.driver.memory": "8g",
    "spark.dynamicAllocation.enabled": "false",
    "spark.executor.instances": "2",
    "spark.sql.shuffle.partitions": "64",
    "spark.locality.wait": "0s",
    "spark.speculation": "false",
    "spark.task.maxFailures": "4",
    "spark.executorEnv.PYTORCH_LIBRARY_PATH": "/opt/libtorch/lib",
    "spark.executorEnv.PYTORCH_VERSION": "2.7.1",
    "spark.executorEnv.PYTORCH_FLAVOR": "cu128",
    "spark.executorEnv.RUST_FLAVOR": "cpu",
    "spark.hadoop.fs.s3a.aws.credentials.provider": "com.amazonaws.auth.DefaultAWSCredentialsProviderChain",
}


def run_output(output_root, ds):
    """The run date's own output folder: <output_root>/ds=<ds>."""
    return f"{output_root.rstrip('/')}/ds={ds}"


def job_args(ds, corpus_path, output_root, run_mode="resume", profile_conf=None, base_model=None,
             aligned_model=None, overrides=()):
    """The job's command line after the jar: the run subcommand, --config and --set options.

    overrides: (key, value) pairs of further --set options (keys as in alignscope-defaults.conf).
    """
    if "{{" not in run_mode and run_mode not in RUN_MODES:
        raise ValueError(f"run_mode must be one of {RUN_MODES}, not {run_mode!r}")
    args = ["run"]
    if profile_conf:
        args += ["--config", profile_conf]
    sets = []
    if base_model:
        sets.append(("models.base.path", base_model))
    if aligned_model:
        sets.append(("models.aligned.path", aligned_model))
    sets += [
        ("corpus.path", corpus_path),
        ("run.output", run_output(output_root, ds)),
        ("run.mode", run_mode),
        ("run.name", f"alignscope-{ds}"),
    ]
    sets += list(overrides)
    for key, value in sets:
        args += ["--set", f"{key}={value}"]
    return args


def spark_properties(driver_env="yarn", profile=None):
    """What alignscope-submit passes as --conf: Java 17 opens and DJL offline for driver and
    executors, the driver's DJL environment (driver_env "yarn", "kubernetes" or None), then the
    profile (GPU_CLUSTER_PROPERTIES unless given)."""
    java_options = f"{JAVA17_OPENS} {DJL_OFFLINE_PROPS}"
    conf = {
        "spark.driver.extraJavaOptions": java_options,
        "spark.executor.extraJavaOptions": java_options,
        "spark.executorEnv.DJL_OFFLINE": "true",
        "spark.executorEnv.OPT_OUT_TRACKING": "true",
    }
    prefix = {"yarn": "spark.yarn.appMasterEnv", "kubernetes": "spark.kubernetes.driverEnv", None: None}[driver_env]
    if prefix:
        conf[f"{prefix}.DJL_OFFLINE"] = "true"
        conf[f"{prefix}.OPT_OUT_TRACKING"] = "true"
    conf.update(GPU_CLUSTER_PROPERTIES if profile is None else profile)
    return conf


def spark_submit_kwargs(ds, corpus_path, output_root, run_mode, application, profile_conf, base_model=None,
                        aligned_model=None):
    """Keyword arguments of SparkSubmitOperator (master and deploy mode come from its connection).

    profile_conf is a path that exists where the driver runs (the EMR bootstrap and Dataproc init
    action install /opt/alignscope/conf/profiles/ on every node; on a client-mode Airflow worker,
    install it there too).
    """
    return {
        "application": application,
        "java_class": MAIN_CLASS,
        "name": f"alignscope-{ds}",
        "conf": spark_properties("yarn"),
        "application_args": job_args(ds, corpus_path, output_root, run_mode, profile_conf, base_model,
                                     aligned_model),
    }


def emr_steps(ds, corpus_path, output_root, run_mode, jar_uri, profile_conf_uri, base_model=None,
              aligned_model=None):
    """The Steps of EmrAddStepsOperator (AddJobFlowSteps StepConfig): spark-submit in cluster mode
    through command-runner.jar, the profile shipped with --files (YARN puts it in the driver's
    working directory, hence --config with its file name)."""
    submit = ["spark-submit", "--class", MAIN_CLASS]
    for key, value in spark_properties("yarn").items():
        submit += ["--conf", f"{key}={value}"]
    submit += ["--master", "yarn", "--deploy-mode", "cluster", "--name", f"alignscope-{ds}",
               "--files", profile_conf_uri, jar_uri]
    submit += job_args(ds, corpus_path, output_root, run_mode, posixpath.basename(profile_conf_uri), base_model,
                       aligned_model)
    return [{
        "Name": f"alignscope {ds}",
        "ActionOnFailure": "CONTINUE",
        "HadoopJarStep": {"Jar": "command-runner.jar", "Args": submit},
    }]


def dataproc_job(ds, corpus_path, output_root, run_mode, cluster_name, jar_uri, profile_conf_uri,
                 base_model=None, aligned_model=None):
    """The `job` of DataprocSubmitJobOperator (google.cloud.dataproc_v1.Job as a dict). No job id:
    Dataproc makes one per submission, so an Airflow retry can resubmit."""
    properties = spark_properties("yarn")
    # Storage on Dataproc is gs:// through the GCS connector; s3a settings do not apply.
    properties.pop("spark.hadoop.fs.s3a.aws.credentials.provider")
    return {
        "placement": {"cluster_name": cluster_name},
        "labels": {"app": "alignscope", "run-date": ds},
        "spark_job": {
            "main_class": MAIN_CLASS,
            "jar_file_uris": [jar_uri],
            "args": job_args(ds, corpus_path, output_root, run_mode, profile_conf_uri, base_model, aligned_model),
            "properties": properties,
        },
    }


def variants(ds, corpus_path, output_root="s3a://alignscope-example/alignscope/runs", run_mode="resume"):
    """The three DAG variants with concrete values, for checking: what each operator receives."""
    return {
        "spark_submit": spark_submit_kwargs(
            ds, corpus_path, output_root, run_mode, "/opt/alignscope/alignscope.jar",
            "/opt/alignscope/conf/profiles/gpu-cluster.conf"),
        "emr": emr_steps(
            ds, corpus_path, output_root, run_mode, "s3://alignscope-example/alignscope/alignscope.jar",
            "s3://alignscope-example/alignscope/conf/profiles/gpu-cluster.conf"),
        "dataproc": dataproc_job(
            ds, corpus_path, output_root.replace("s3a://", "gs://"), run_mode, "alignscope-gpu",
            "gs://alignscope-example/alignscope/alignscope.jar",
            "gs://alignscope-example/alignscope/conf/profiles/gpu-cluster.conf"),
    }


def main():
    parser = argparse.ArgumentParser(description="Print the alignscope DAG variants' arguments as JSON.")
    parser.add_argument("--ds", required=True, help="run date, YYYY-MM-DD")
    parser.add_argument("--corpus", required=True, help="corpus path (any Hadoop URI)")
    parser.add_argument("--output-root", default="s3a://alignscope-example/alignscope/runs")
    parser.add_argument("--run-mode", default="resume", choices=RUN_MODES)
    options = parser.parse_args()
    print(json.dumps(variants(options.ds, options.corpus, options.output_root, options.run_mode), indent=2))


if __name__ == "__main__":
    main()
