package io.alignscope.lm.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NormsTest {

    private static final double[] X = {1, 2, 3, 4};

    @Test
    void rmsNormByHand() {
        // mean(x^2) = (1 + 4 + 9 + 16) / 4 = 7.5; + eps 0.5 = 8; 1/sqrt(8) = 1/(2 sqrt 2)
        double k = 1.0 / (2.0 * Math.sqrt(2.0));
        assertArrayEquals(new double[] {k, 2 * k, 3 * k, 4 * k},
                Norms.rmsNorm(X, new double[] {1, 1, 1, 1}, 0.5), 1e-15);
        // weight multiplies after normalisation: {0.17677669529663687, 0.7071067811865475, 2.1213203435596424, -1.414213562373095}
        assertArrayEquals(new double[] {0.17677669529663687, 0.7071067811865475, 2.1213203435596424, -1.414213562373095},
                Norms.rmsNorm(X, new double[] {0.5, 1, 2, -1}, 0.5), 1e-15);
    }

    @Test
    void layerNormByHand() {
        // mean 2.5; deviations -1.5 -0.5 0.5 1.5; biased var = (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25;
        // + eps 0.75 = 2; so (x - mean) / sqrt 2
        double r = 1.0 / Math.sqrt(2.0);
        assertArrayEquals(new double[] {-1.5 * r, -0.5 * r, 0.5 * r, 1.5 * r},
                Norms.layerNorm(X, new double[] {1, 1, 1, 1}, null, 0.75), 1e-15);
        assertArrayEquals(new double[] {-1.0606601717798212, -0.7071067811865475, 1.3535533905932737, 1.0606601717798212},
                Norms.layerNorm(X, new double[] {1, 2, 1, 1}, new double[] {0, 0, 1, 0}, 0.75), 1e-15);
    }

    @Test
    void rejectsMismatchedWeight() {
        assertThrows(IllegalArgumentException.class, () -> Norms.rmsNorm(X, new double[3], 1e-6));
        assertThrows(IllegalArgumentException.class, () -> Norms.layerNorm(X, new double[4], new double[3], 1e-6));
    }
}
