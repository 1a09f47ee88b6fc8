"""alignscope as a daily Airflow job, in three variants (one DAG each, same parameters):

  alignscope_spark_submit   SparkSubmitOperator against the Spark connection "alignscope_spark"
                            (its host is the master - yarn, k8s://..., spark://... - and its extra
                            may hold {"deploy-mode": "cluster"})
  alignscope_emr            EmrAddStepsOperator + EmrStepSensor on a running EMR cluster, whose id is
                            the Airflow Variable "alignscope_emr_cluster_id"
  alignscope_dataproc       DataprocSubmitJobOperator on a running Dataproc cluster (project, region
                            and cluster name from Airflow Variables)

Parameters (Airflow Params, editable when triggering a run by hand):
  corpus_path   the corpus (any Hadoop URI the cluster can read)
  output_root   where run folders go; each run date writes <output_root>/ds=<ds>
  run_mode      resume (default) or overwrite

Idempotent on rerun: the output folder is a function of the run date ({{ ds }}) alone, and with
run_mode=resume a retried or re-triggered run keeps every row an earlier attempt committed and
computes only the missing ids (a rerun after a complete run adds nothing; summaries and the
manifest are recomputed from the tables). Trigger with run_mode=overwrite to recompute a date from
scratch after changing models or settings. Spark's output committer never leaves half-written
files of a failed task in a table, and manifest.json is written last, so its presence marks a
finished run.

The argument lists come from alignscope_args.py (next to this file; no Airflow import, checked by
the repository's tests against the job's real command-line parser).
"""

from datetime import timedelta

import pendulum
from airflow import DAG
from airflow.models.param import Param
from airflow.providers.amazon.aws.operators.emr import EmrAddStepsOperator
from airflow.providers.amazon.aws.sensors.emr import EmrStepSensor
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.providers.google.cloud.operators.dataproc import DataprocSubmitJobOperator

import alignscope_args

DS = "{{ ds }}"
CORPUS = "{{ params.corpus_path }}"
OUTPUT_ROOT = "{{ params.output_root }}"
RUN_MODE = "{{ params.run_mode }}"

PARAMS = {
    "corpus_path": Param("s3a://alignscope-example/corpora/prompts.jsonl", type="string",
                         description="Corpus to measure (file, folder or glob; any Hadoop URI)."),
    "output_root": Param("s3a://alignscope-example/alignscope/runs", type="string",
                         description="Parent of the per-date run folders (<output_root>/ds=<ds>)."),
    "run_mode": Param("resume", enum=list(alignscope_args.RUN_MODES),
                      description="resume: keep committed rows, add missing ids. overwrite: recompute the date."),
}

DEFAULTS = {
    "owner": "alignscope",
    # Safe to retry: the job resumes where the failed attempt stopped.
    "retries": 2,
    "retry_delay": timedelta(minutes=10),
}


def _dag(dag_id, description, params=PARAMS):
    return DAG(
        dag_id=dag_id,
        description=description,
        schedule="@daily",
        start_date=pendulum.datetime(2024, 6, 1, tz="UTC"),
        catchup=False,
        # One run at a time: the GPUs are the bottleneck, and dates do not share outputs anyway.
        max_active_runs=1,
        default_args=DEFAULTS,
        params=params,
        tags=["alignscope"],
        doc_md=__doc__,
    )


with _dag("alignscope_spark_submit", "alignscope via spark-submit (SparkSubmitOperator)"):
    SparkSubmitOperator(
        task_id="alignscope",
        conn_id="alignscope_spark",
        execution_timeout=timedelta(hours=12),
        **alignscope_args.spark_submit_kwargs(
            DS, CORPUS, OUTPUT_ROOT, RUN_MODE,
            application="/opt/alignscope/alignscope.jar",
            profile_conf="/opt/alignscope/conf/profiles/gpu-cluster.conf",
        ),
    )

with _dag("alignscope_emr", "alignscope as an EMR step (EmrAddStepsOperator + EmrStepSensor)"):
    add_step = EmrAddStepsOperator(
        task_id="add_step",
        job_flow_id="{{ var.value.alignscope_emr_cluster_id }}",
        aws_conn_id="aws_default",
        steps=alignscope_args.emr_steps(
            DS, CORPUS, OUTPUT_ROOT, RUN_MODE,
            jar_uri="s3://alignscope-example/alignscope/alignscope.jar",
            profile_conf_uri="s3://alignscope-example/alignscope/conf/profiles/gpu-cluster.conf",
        ),
    )
    wait_for_step = EmrStepSensor(
        task_id="wait_for_step",
        job_flow_id="{{ var.value.alignscope_emr_cluster_id }}",
        step_id="{{ task_instance.xcom_pull(task_ids='add_step', key='return_value')[0] }}",
        aws_conn_id="aws_default",
        poke_interval=60,
        timeout=12 * 3600,
        mode="reschedule",
    )
    add_step >> wait_for_step

with _dag("alignscope_dataproc", "alignscope as a Dataproc job (DataprocSubmitJobOperator)",
          params={**PARAMS,
                  "corpus_path": Param("gs://alignscope-example/corpora/prompts.jsonl", type="string",
                                       description="Corpus to measure (gs:// or any Hadoop URI)."),
                  "output_root": Param("gs://alignscope-example/alignscope/runs", type="string",
                                       description="Parent of the per-date run folders.")}):
    DataprocSubmitJobOperator(
        task_id="alignscope",
        project_id="{{ var.value.alignscope_gcp_project }}",
        region="{{ var.value.alignscope_dataproc_region }}",
        gcp_conn_id="google_cloud_default",
        execution_timeout=timedelta(hours=12),
        job=alignscope_args.dataproc_job(
            DS, CORPUS, OUTPUT_ROOT, RUN_MODE,
            cluster_name="{{ var.value.alignscope_dataproc_cluster }}",
            jar_uri="gs://alignscope-example/alignscope/alignscope.jar",
            profile_conf_uri="gs://alignscope-example/alignscope/conf/profiles/gpu-cluster.conf",
        ),
    )
