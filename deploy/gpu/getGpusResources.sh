#!/usr/bin/env bash
# Spark GPU discovery script (spark.executor.resource.gpu.discoveryScript, and
# spark.worker.resource.gpu.discoveryScript on standalone workers).
#
# Spark runs it once when an executor starts and expects one JSON object on stdout:
#   {"name": "gpu", "addresses": ["0", "1"]}
# The addresses are CUDA device indices as this process sees them; alignscope opens
# Device.gpu(address) for the task that Spark assigned that address to.
#
# What the executor may see:
#   - Kubernetes: the device plugin exposes only the pod's GPUs, numbered from 0.
#   - YARN with GPU isolation (yarn.io/gpu + cgroups devices): only the container's GPUs are usable.
#   - CUDA_VISIBLE_DEVICES set (some schedulers do): those devices, renumbered from 0 as CUDA does.
#   - Otherwise (standalone, YARN without isolation): every GPU of the machine; give each worker
#     a disjoint set (e.g. spark.worker.resource.gpu.amount) or executors will share GPUs.
#
# It fails (non-zero exit, message on stderr) when nvidia-smi is missing or sees no GPU: the
# executor then fails to start, which is better than tasks silently falling back to the CPU.
set -euo pipefail

if [ -n "${CUDA_VISIBLE_DEVICES:-}" ] && [ "${CUDA_VISIBLE_DEVICES}" != "all" ]; then
  # CUDA renumbers the visible devices 0..n-1, whatever their physical indices or UUIDs.
  IFS=',' read -r -a visible <<< "${CUDA_VISIBLE_DEVICES}"
  count=${#visible[@]}
  if [ "$count" -eq 0 ] || [ "${CUDA_VISIBLE_DEVICES}" = "-1" ] || [ "${CUDA_VISIBLE_DEVICES}" = "none" ]; then
    echo "getGpusResources.sh: CUDA_VISIBLE_DEVICES='${CUDA_VISIBLE_DEVICES}' hides every GPU" >&2
    exit 1
  fi
  indices=()
  for ((i = 0; i < count; i++)); do
    indices+=("$i")
  done
else
  if ! command -v nvidia-smi >/dev/null 2>&1; then
    echo "getGpusResources.sh: nvidia-smi not found; is the NVIDIA driver installed (and, in a container, the NVIDIA container toolkit with NVIDIA_DRIVER_CAPABILITIES including utility)?" >&2
    exit 1
  fi
  mapfile -t indices < <(nvidia-smi --query-gpu=index --format=csv,noheader,nounits | tr -d ' ')
  if [ "${#indices[@]}" -eq 0 ]; then
    echo "getGpusResources.sh: nvidia-smi lists no GPU" >&2
    exit 1
  fi
fi

json=""
for index in "${indices[@]}"; do
  json="${json:+$json,}\"$index\""
done
printf '{"name": "gpu", "addresses": [%s]}\n' "$json"
