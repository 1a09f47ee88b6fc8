package io.alignscope.jobs.select;

import java.io.Serializable;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.stat.distribution.MultivariateGaussian;

/**
 * The log-likelihood of a point under a fitted Gaussian mixture, {@code l(x) = log Σ_k w_k N(x |
 * μ_k, Σ_k)}, computed as a log-sum-exp of {@code log w_k + log N(x | μ_k, Σ_k)} (each from
 * {@link MultivariateGaussian#logpdf}) so that densities far below the double range still give a
 * finite value. Components of weight 0 are skipped. Plain Java (Spark's local linear algebra
 * only); serialisable so it can be broadcast.
 */
public final class MixtureLogLikelihood implements Serializable {
  private static final long serialVersionUID = 1L;
  private final double[] logWeights;
  private final MultivariateGaussian[] gaussians;

  /**
   * @param weights mixture weights, ≥ 0, not all 0 (they need not sum to 1 exactly)
   * @param gaussians one component per weight
   */
  public MixtureLogLikelihood(double[] weights, MultivariateGaussian[] gaussians) {
    if (weights.length != gaussians.length || weights.length == 0) {
      throw new IllegalArgumentException(weights.length + " weights for " + gaussians.length + " components");
    }
    boolean any = false;
    this.logWeights = new double[weights.length];
    for (int k = 0; k < weights.length; k++) {
      if (!(weights[k] >= 0) || Double.isInfinite(weights[k])) {
        throw new IllegalArgumentException("weight " + k + " must be finite and >= 0, got " + weights[k]);
      }
      any |= weights[k] > 0;
      logWeights[k] = Math.log(weights[k]);
    }
    if (!any) {
      throw new IllegalArgumentException("every mixture weight is 0");
    }
    this.gaussians = gaussians.clone();
  }

  /** {@code log Σ_k w_k N(x | μ_k, Σ_k)}. */
  public double logLikelihood(Vector x) {
    double[] terms = new double[logWeights.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < terms.length; k++) {
      terms[k] = logWeights[k] == Double.NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY
          : logWeights[k] + gaussians[k].logpdf(x);
      max = Math.max(max, terms[k]);
    }
    if (max == Double.NEGATIVE_INFINITY || Double.isNaN(max)) {
      return max;
    }
    double sum = 0;
    for (double t : terms) {
      sum += Math.exp(t - max);
    }
    return max + Math.log(sum);
  }

  /** Number of components. */
  public int components() {
    return logWeights.length;
  }
}
