package io.alignscope.jobs.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.spark.ml.linalg.DenseMatrix;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.stat.distribution.MultivariateGaussian;
import org.junit.jupiter.api.Test;

/** Mixture log-likelihoods compared with hand computations of the normal density. */
class MixtureLogLikelihoodTest {
  private static final double EPS = 1e-12;

  private static double normal(double x, double mean, double variance) {
    return Math.exp(-(x - mean) * (x - mean) / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);
  }

  private static MultivariateGaussian gaussian1d(double mean, double variance) {
    return new MultivariateGaussian(Vectors.dense(mean), new DenseMatrix(1, 1, new double[] {variance}));
  }

  /**
   * w = (0.3, 0.7), N(0, 1) and N(2, 4), x = 1: 0.3·e^{−1/2}/√(2π) + 0.7·e^{−1/8}/√(8π) =
   * 0.3·0.2419707 + 0.7·0.1760327 = 0.1958141, l = ln 0.1958141 = −1.630590.
   */
  @Test
  void oneDimensionalTwoComponentsByHand() {
    MixtureLogLikelihood m = new MixtureLogLikelihood(new double[] {0.3, 0.7},
        new MultivariateGaussian[] {gaussian1d(0, 1), gaussian1d(2, 4)});
    double expected = Math.log(0.3 * normal(1, 0, 1) + 0.7 * normal(1, 2, 4));
    assertEquals(expected, m.logLikelihood(Vectors.dense(1)), EPS);
    assertEquals(-1.630590, m.logLikelihood(Vectors.dense(1)), 1e-6);
    assertEquals(2, m.components());
  }

  /**
   * 2-D with diagonal covariances: N((0,0), diag(1, 1)) and N((3, −1), diag(2, 0.5)), w = (0.5,
   * 0.5), x = (1, 0): the densities factor into 1-D normals.
   */
  @Test
  void twoDimensionalDiagonalByHand() {
    MultivariateGaussian a = new MultivariateGaussian(Vectors.dense(0, 0), new DenseMatrix(2, 2,
        new double[] {1, 0, 0, 1}));
    MultivariateGaussian b = new MultivariateGaussian(Vectors.dense(3, -1), new DenseMatrix(2, 2,
        new double[] {2, 0, 0, 0.5}));
    MixtureLogLikelihood m = new MixtureLogLikelihood(new double[] {0.5, 0.5}, new MultivariateGaussian[] {a, b});
    double pa = normal(1, 0, 1) * normal(0, 0, 1);
    double pb = normal(1, 3, 2) * normal(0, -1, 0.5);
    assertEquals(Math.log(0.5 * pa + 0.5 * pb), m.logLikelihood(Vectors.dense(1, 0)), EPS);
  }

  /** Far from both means the densities underflow to 0; the log-sum-exp stays finite. */
  @Test
  void farPointsStayFinite() {
    MixtureLogLikelihood m = new MixtureLogLikelihood(new double[] {0.5, 0.5},
        new MultivariateGaussian[] {gaussian1d(0, 1), gaussian1d(1, 1)});
    double x = 60;
    // log(0.5 N(60|0,1) + 0.5 N(60|1,1)) = log 0.5 − ln√(2π) + log(e^{−1800} + e^{−1740.5})
    double expected = Math.log(0.5) - 0.5 * Math.log(2 * Math.PI) - 1740.5 + Math.log1p(Math.exp(-59.5));
    assertEquals(expected, m.logLikelihood(Vectors.dense(x)), 1e-9);
  }

  @Test
  void zeroWeightComponentsAreSkippedAndBadWeightsRejected() {
    MixtureLogLikelihood m = new MixtureLogLikelihood(new double[] {0.0, 1.0},
        new MultivariateGaussian[] {gaussian1d(0, 1), gaussian1d(2, 4)});
    assertEquals(Math.log(normal(1, 2, 4)), m.logLikelihood(Vectors.dense(1)), EPS);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MixtureLogLikelihood(
        new double[] {0, 0}, new MultivariateGaussian[] {gaussian1d(0, 1), gaussian1d(2, 4)}));
    assertEquals("every mixture weight is 0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new MixtureLogLikelihood(new double[] {1},
        new MultivariateGaussian[] {gaussian1d(0, 1), gaussian1d(2, 4)}));
  }
}
