package io.alignscope.lm.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Rotary position embedding parameters and the inverse frequencies they produce, following
 * transformers' {@code modeling_rope_utils} for the "default", "linear" and "llama3" rope types
 * (all of which have attention factor 1).
 *
 * @param theta                         the RoPE base ({@code rope_theta})
 * @param type                          the rope type
 * @param factor                        scaling factor ("linear", "llama3"); 1 for "default"
 * @param lowFreqFactor                 "llama3" {@code low_freq_factor}; NaN otherwise
 * @param highFreqFactor                "llama3" {@code high_freq_factor}; NaN otherwise
 * @param originalMaxPositionEmbeddings "llama3" {@code original_max_position_embeddings}; NaN otherwise
 */
public record RopeConfig(double theta, Type type, double factor, double lowFreqFactor, double highFreqFactor,
                         double originalMaxPositionEmbeddings) {

    /** Supported rope types. */
    public enum Type {
        /** Plain RoPE. */
        DEFAULT,
        /** Position interpolation: every inverse frequency divided by {@code factor}. */
        LINEAR,
        /** The Llama 3.1 piecewise frequency scaling. */
        LLAMA3
    }

    /** transformers' default {@code rope_theta}. */
    public static final double DEFAULT_THETA = 10000.0;

    /** Unscaled RoPE with the given base. */
    public static RopeConfig unscaled(double theta) {
        return new RopeConfig(theta, Type.DEFAULT, 1.0, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Linear scaling ("linear"). */
    public static RopeConfig linear(double theta, double factor) {
        return new RopeConfig(theta, Type.LINEAR, factor, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Llama 3.1 scaling ("llama3"). */
    public static RopeConfig llama3(double theta, double factor, double lowFreqFactor, double highFreqFactor,
                                    double originalMaxPositionEmbeddings) {
        return new RopeConfig(theta, Type.LLAMA3, factor, lowFreqFactor, highFreqFactor,
                originalMaxPositionEmbeddings);
    }

    /**
     * Reads {@code rope_theta} (default 10000) and {@code rope_scaling} (absent or null: default;
     * type from {@code rope_type}, else the legacy {@code type}). A transformers-v5 style
     * {@code rope_parameters} object (holding {@code rope_theta} and {@code rope_type}) is honoured
     * when present.
     *
     * @throws IllegalArgumentException for any other rope type or missing parameters
     */
    public static RopeConfig fromConfig(JsonNode config) {
        ConfigView c = new ConfigView(config);
        if (c.has("partial_rotary_factor") && c.doubleOr("partial_rotary_factor", 1.0) != 1.0) {
            throw new IllegalArgumentException("partial_rotary_factor != 1 is not supported");
        }
        JsonNode scaling;
        double theta;
        if (c.has("rope_parameters")) {
            ConfigView p = new ConfigView(c.node("rope_parameters"));
            theta = p.doubleOr("rope_theta", c.doubleOr("rope_theta", DEFAULT_THETA));
            scaling = p.has("rope_type") || p.has("type") ? p.root() : null;
        } else {
            theta = c.doubleOr("rope_theta", DEFAULT_THETA);
            scaling = c.node("rope_scaling");
        }
        if (scaling == null) {
            return unscaled(theta);
        }
        ConfigView s = new ConfigView(scaling);
        String type = s.has("rope_type") ? s.requireString("rope_type")
                : s.has("type") ? s.requireString("type") : null;
        if (type == null) {
            throw new IllegalArgumentException("rope scaling without rope_type/type: " + scaling);
        }
        switch (type.toLowerCase(Locale.ROOT)) {
            case "default":
                return unscaled(theta);
            case "linear":
                return linear(theta, required(s, "factor"));
            case "llama3":
                return llama3(theta, required(s, "factor"), required(s, "low_freq_factor"),
                        required(s, "high_freq_factor"), required(s, "original_max_position_embeddings"));
            default:
                throw new IllegalArgumentException("unsupported rope type: " + type);
        }
    }

    private static double required(ConfigView s, String key) {
        if (!s.has(key)) {
            throw new IllegalArgumentException("rope scaling is missing \"" + key + "\"");
        }
        return s.doubleOr(key, Double.NaN);
    }

    /**
     * The {@code dim / 2} inverse frequencies for rotary dimension {@code dim}:
     * {@code 1 / theta^(2j/dim)}, then scaled according to {@link #type()}.
     */
    public double[] inverseFrequencies(int dim) {
        if (dim <= 0 || dim % 2 != 0) {
            throw new IllegalArgumentException("rotary dimension must be positive and even: " + dim);
        }
        double[] inv = new double[dim / 2];
        for (int j = 0; j < inv.length; j++) {
            inv[j] = 1.0 / Math.pow(theta, (2.0 * j) / dim);
        }
        switch (type) {
            case DEFAULT:
                return inv;
            case LINEAR:
                for (int j = 0; j < inv.length; j++) {
                    inv[j] /= factor;
                }
                return inv;
            case LLAMA3:
                for (int j = 0; j < inv.length; j++) {
                    inv[j] = llama3Scaled(inv[j]);
                }
                return inv;
            default:
                throw new IllegalStateException(type.toString());
        }
    }

    private double llama3Scaled(double invFreq) {
        double lowFreqWavelen = originalMaxPositionEmbeddings / lowFreqFactor;
        double highFreqWavelen = originalMaxPositionEmbeddings / highFreqFactor;
        double wavelen = 2.0 * Math.PI / invFreq;
        if (wavelen < highFreqWavelen) {
            return invFreq; // high frequency: kept
        }
        if (wavelen > lowFreqWavelen) {
            return invFreq / factor; // low frequency: interpolated
        }
        double smooth = (originalMaxPositionEmbeddings / wavelen - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
        return (1.0 - smooth) * invFreq / factor + smooth * invFreq;
    }
}
