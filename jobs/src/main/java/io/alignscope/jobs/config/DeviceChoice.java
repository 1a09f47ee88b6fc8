package io.alignscope.jobs.config;

/** Where models run. */
public enum DeviceChoice {
  /** The GPU Spark assigned to the task, if any; otherwise the CPU. */
  AUTO,
  /** Always the CPU. */
  CPU,
  /** The GPU Spark assigned to the task; an error if none. */
  CUDA
}
