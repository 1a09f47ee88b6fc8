#!/usr/bin/env bash
# EMR bootstrap action for alignscope (runs as the hadoop user, with sudo, on every node before
# YARN and Spark start). Pair it with deploy/emr/configurations-gpu.json.
#
#   aws emr create-cluster ... \
#     --bootstrap-actions Path=s3://BUCKET/alignscope/deploy/emr/bootstrap-gpu.sh,Args=[--artifacts,s3://BUCKET/alignscope] \
#     --configurations file://deploy/emr/configurations-gpu.json
#
# --artifacts names the S3 prefix where you staged (see deploy/README.md, "EMR"):
#   conf/spark/*.properties, conf/profiles/*.conf   the profiles
#   gpu/getGpusResources.sh                         the GPU discovery script
#   bin/alignscope-submit                           the wrapper, for interactive use on the master
#   libtorch-2.7.1-cu128.zip                        libtorch for CUDA 12.8 (GPU nodes only)
# The job jar itself is not copied: steps pass its S3 URI to spark-submit.
#
# What it does on each node:
#   1. Java 17. EMR 7.x runs Spark on Amazon Corretto 17 by default and this is a check only. On
#      EMR 6.x (Java 8 by default) it installs java-17-amazon-corretto-headless; the spark-env /
#      spark-defaults classifications in configurations-gpu.json then point Spark's driver, YARN
#      application master and executors at it (JAVA_HOME, spark.executorEnv.JAVA_HOME,
#      spark.yarn.appMasterEnv.JAVA_HOME) while YARN itself stays on its own Java.
#   2. /opt/alignscope: profiles, discovery script, wrapper.
#   3. /mnt/alignscope-models: the models.cache-dir of the cluster profiles (instance store), where
#      each machine keeps one copy of the remote models; writable by the yarn user.
#   4. GPU nodes (nvidia-smi present; EMR installs the NVIDIA driver on GPU instance types):
#      libtorch cu128 at /opt/libtorch (the gpu-cluster profile sets PYTORCH_LIBRARY_PATH to its lib/;
#      DJL publishes no CUDA 12.8 native jar to Maven Central, so the job jar carries only the CPU
#      build), and a cgroup v1 "devices" hierarchy at /yarn-gpu-cgroup for YARN's GPU isolation
#      (Amazon Linux 2023, under EMR 7.x, mounts cgroup v2 only; YARN 3.3 isolates devices through v1).
set -euo pipefail

ARTIFACTS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --artifacts) ARTIFACTS="${2%/}"; shift 2 ;;
    *) echo "bootstrap-gpu.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$ARTIFACTS" ] || { echo "bootstrap-gpu.sh: --artifacts s3://BUCKET/PREFIX is required" >&2; exit 2; }

JAVA17=/usr/lib/jvm/java-17-amazon-corretto.x86_64
CACHE_DIR=/mnt/alignscope-models
CGROUP_ROOT=/yarn-gpu-cgroup

log() { echo "alignscope bootstrap: $*"; }

# 1. Java 17 for Spark.
if [ ! -x "$JAVA17/bin/java" ]; then
  log "installing Amazon Corretto 17 (this EMR release does not ship it by default)"
  sudo yum install -y -q java-17-amazon-corretto-headless
fi
"$JAVA17/bin/java" -version 2>&1 | head -1

# 2. alignscope's files.
sudo mkdir -p /opt/alignscope
sudo aws s3 cp --recursive --only-show-errors "$ARTIFACTS/conf" /opt/alignscope/conf
sudo aws s3 cp --only-show-errors "$ARTIFACTS/gpu/getGpusResources.sh" /opt/alignscope/gpu/getGpusResources.sh
sudo aws s3 cp --only-show-errors "$ARTIFACTS/bin/alignscope-submit" /opt/alignscope/bin/alignscope-submit
sudo chmod 0755 /opt/alignscope/gpu/getGpusResources.sh /opt/alignscope/bin/alignscope-submit

# 3. The model cache (sticky and world-writable: executors run as yarn, interactive drivers as hadoop).
sudo mkdir -p "$CACHE_DIR"
sudo chmod 1777 "$CACHE_DIR"

# 4. GPU nodes only.
if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1; then
  log "GPU node: $(nvidia-smi -L | wc -l) GPU(s)"
  if [ ! -f /opt/libtorch/lib/libtorch_cuda.so ]; then
    tmp="$(mktemp -d)"
    aws s3 cp --only-show-errors "$ARTIFACTS/libtorch-2.7.1-cu128.zip" "$tmp/libtorch.zip"
    sudo unzip -q "$tmp/libtorch.zip" -d /opt
    rm -rf "$tmp"
  fi
  [ -f /opt/libtorch/lib/libtorch_cuda.so ] || { echo "bootstrap-gpu.sh: /opt/libtorch has no CUDA build" >&2; exit 1; }
  if [ ! -d "$CGROUP_ROOT/devices" ] || ! mountpoint -q "$CGROUP_ROOT/devices"; then
    if ! grep -q ' /sys/fs/cgroup/devices ' /proc/mounts; then
      # cgroup v2 host (EMR 7.x): mount a v1 devices controller for YARN.
      sudo mkdir -p "$CGROUP_ROOT/devices"
      sudo mount -t cgroup -o devices cgroupv1-devices "$CGROUP_ROOT/devices"
    else
      # cgroup v1 host (EMR 6.x): reuse the system hierarchy.
      sudo mkdir -p "$CGROUP_ROOT"
      sudo mount --bind /sys/fs/cgroup "$CGROUP_ROOT"
    fi
  fi
  sudo chmod a+rwx -R "$CGROUP_ROOT/devices"
else
  log "no GPU on this node (master or CPU core/task node): skipping libtorch and GPU cgroups"
fi
log "done"
