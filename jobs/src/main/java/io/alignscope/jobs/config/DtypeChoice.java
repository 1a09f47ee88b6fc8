package io.alignscope.jobs.config;

/** Compute precision. */
public enum DtypeChoice {
  /** bfloat16 on CUDA, float32 on CPU. */
  AUTO,
  FLOAT32,
  BFLOAT16,
  FLOAT16
}
