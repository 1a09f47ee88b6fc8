package io.alignscope.jobs.config;

/** The per-example scores the selection stage computes. */
public enum SelectionScore {
  /** Instruction-following difficulty under the base model (higher = the instruction matters more). */
  IFD,
  /** Fraction of answer tokens the base model ranks below 3rd. */
  SHIFT_DENSITY,
  /** Mean KL(aligned || base) over the answer. */
  MEAN_KL,
  /** Mean base-model entropy over the answer. */
  ANSWER_ENTROPY,
  /** ISA information score (the configured direction). */
  ISA,
  /** ZIP-FIT task fit against a target set. */
  ZIPFIT,
  /** Answer length in tokens. */
  LENGTH;

  /** The configuration and column name ("shift-density" / "shift_density"). */
  public String configName() {
    return ConfigReader.nameOf(this);
  }

  /** The output column name. */
  public String column() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
