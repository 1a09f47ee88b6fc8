package io.alignscope.lm.reference;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * Element-wise activations under the names transformers' {@code ACT2FN} uses in
 * {@code hidden_act} / {@code activation_function}.
 */
public final class Activations {

    private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);

    private Activations() {
    }

    /** {@code x * sigmoid(x)} ("silu", "swish"). */
    public static double silu(double x) {
        return x / (1.0 + Math.exp(-x));
    }

    /**
     * GPT-2's tanh approximation ("gelu_new"; "gelu_pytorch_tanh" and "gelu_fast" are the same
     * function): {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}.
     */
    public static double geluNew(double x) {
        return 0.5 * x * (1.0 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)));
    }

    /** The exact GELU ("gelu"): {@code 0.5 x (1 + erf(x / sqrt 2))}. */
    public static double gelu(double x) {
        return 0.5 * x * (1.0 + erf(x / Math.sqrt(2.0)));
    }

    /** {@code x * sigmoid(1.702 x)} ("quick_gelu"). */
    public static double quickGelu(double x) {
        return x / (1.0 + Math.exp(-1.702 * x));
    }

    /** The activation registered under {@code name} in transformers' ACT2FN. */
    public static DoubleUnaryOperator forName(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "silu":
            case "swish":
                return Activations::silu;
            case "gelu_new":
            case "gelu_pytorch_tanh":
            case "gelu_fast":
                return Activations::geluNew;
            case "gelu":
                return Activations::gelu;
            case "quick_gelu":
                return Activations::quickGelu;
            case "relu":
                return x -> Math.max(0.0, x);
            case "tanh":
                return Math::tanh;
            default:
                throw new IllegalArgumentException("unsupported activation: " + name);
        }
    }

    /**
     * The error function to near double precision, from the everywhere-convergent series with
     * positive terms {@code erf(x) = 2/sqrt(pi) e^{-x^2} sum_n 2^n x^{2n+1} / (2n+1)!!}.
     */
    static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double ax = Math.abs(x);
        if (ax >= 6.0) {
            return Math.signum(x); // 1 - erf(6) < 2.2e-17
        }
        double term = ax;
        double sum = ax;
        double twoX2 = 2.0 * ax * ax;
        for (int n = 1; n < 1000; n++) {
            term *= twoX2 / (2 * n + 1);
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        double r = 2.0 / Math.sqrt(Math.PI) * Math.exp(-ax * ax) * sum;
        return Math.copySign(Math.min(r, 1.0), x);
    }
}
