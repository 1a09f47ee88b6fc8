#!/usr/bin/env bash
# Dataproc initialization action for alignscope (runs as root on every node at cluster creation,
# after Dataproc's own setup; see cluster.yaml). It reads the instance metadata attribute
# "alignscope-artifacts" (gs://BUCKET/PREFIX), where you staged:
#   conf/spark/*.properties, conf/profiles/*.conf   the profiles
#   gpu/getGpusResources.sh                         the GPU discovery script
#   bin/alignscope-submit                           the wrapper (for use on the master)
#   libtorch-2.7.1-cu128.zip                        libtorch for CUDA 12.8 (GPU workers only)
#
# 1. Java 17: Dataproc 2.2 images (Debian 12) carry Java 11 only. Installs openjdk-17-jdk-headless
#    at /usr/lib/jvm/java-17-openjdk-amd64; cluster.yaml's spark-env / spark properties make Spark's
#    driver, application master and executors use it. The system default java stays 11, so Hadoop,
#    YARN and the Dataproc agent are untouched.
# 2. /opt/alignscope with the profiles, discovery script and wrapper.
# 3. /mnt/alignscope-models: models.cache-dir of the cluster profiles, world-writable (sticky).
# 4. GPU workers: libtorch cu128 at /opt/libtorch (the gpu-cluster profile's PYTORCH_LIBRARY_PATH).
set -euo pipefail

metadata() {
  curl -fsS -H "Metadata-Flavor: Google" \
    "http://metadata.google.internal/computeMetadata/v1/instance/attributes/$1"
}

ARTIFACTS="$(metadata alignscope-artifacts)"
ARTIFACTS="${ARTIFACTS%/}"
JAVA17=/usr/lib/jvm/java-17-openjdk-amd64
CACHE_DIR=/mnt/alignscope-models

log() { echo "alignscope init: $*"; }

# 1. Java 17 next to the image's Java 11.
if [ ! -x "$JAVA17/bin/java" ]; then
  previous_java="$(readlink -f "$(command -v java)" || true)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless
  # A new JDK can take over the "java" alternative; give it back to the image's Java 11.
  if [ -n "$previous_java" ] && update-alternatives --list java 2>/dev/null | grep -qx "$previous_java"; then
    update-alternatives --set java "$previous_java"
  fi
fi
"$JAVA17/bin/java" -version 2>&1 | head -1

# 2. alignscope's files.
mkdir -p /opt/alignscope/gpu /opt/alignscope/bin
gcloud storage cp --recursive "$ARTIFACTS/conf" /opt/alignscope/
gcloud storage cp "$ARTIFACTS/gpu/getGpusResources.sh" /opt/alignscope/gpu/getGpusResources.sh
gcloud storage cp "$ARTIFACTS/bin/alignscope-submit" /opt/alignscope/bin/alignscope-submit
chmod 0755 /opt/alignscope/gpu/getGpusResources.sh /opt/alignscope/bin/alignscope-submit

# 3. The model cache.
mkdir -p "$CACHE_DIR"
chmod 1777 "$CACHE_DIR"

# 4. GPU workers only (the GPU driver init action ran before this one).
if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1; then
  log "GPU node: $(nvidia-smi -L | wc -l) GPU(s)"
  if [ ! -f /opt/libtorch/lib/libtorch_cuda.so ]; then
    tmp="$(mktemp -d)"
    gcloud storage cp "$ARTIFACTS/libtorch-2.7.1-cu128.zip" "$tmp/libtorch.zip"
    unzip -q "$tmp/libtorch.zip" -d /opt
    rm -rf "$tmp"
  fi
  [ -f /opt/libtorch/lib/libtorch_cuda.so ] || { echo "init-alignscope.sh: /opt/libtorch has no CUDA build" >&2; exit 1; }
else
  log "no GPU on this node: skipping libtorch"
fi
log "done"
