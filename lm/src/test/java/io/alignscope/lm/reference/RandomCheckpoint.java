package io.alignscope.lm.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Deterministic random weights for a {@code config.json}, under exactly the tensor names and shapes
 * a Hugging Face checkpoint of that architecture has ({@code llama}, {@code mistral}, {@code qwen2},
 * {@code gpt2}).
 *
 * <p>Each tensor is drawn from its own {@link SplittableRandom} seeded from the seed and the tensor
 * name, so adding or removing one tensor (for example {@code lm_head.weight}) leaves all others
 * unchanged. Matrices are N(0, 1/fan_in) (std 0.125 to 0.18 for the tiny configs), embeddings
 * N(0, 1/hidden), GPT-2 position embeddings N(0, 0.1²), biases N(0, 0.1²) and norm weights
 * 1 + N(0, 0.1²) (norm biases N(0, 0.1²)); with these the logits are O(1) and attention is far from
 * uniform.
 *
 * <p>Layout: tied embeddings ({@code tie_word_embeddings}) mean no {@code lm_head.weight}; qwen2 has
 * q/k/v biases; llama has q/k/v/o biases when {@code attention_bias} and MLP biases when
 * {@code mlp_bias}; gpt2 names have no {@code transformer.} prefix unless asked for, and GPT-2
 * Conv1D weights are [in, out].
 */
public final class RandomCheckpoint {

    private enum Kind { MATRIX, EMBEDDING, POSITION, NORM_WEIGHT, BIAS }

    private final JsonNode config;
    private final Map<String, float[]> weights = new LinkedHashMap<>();
    private final Map<String, long[]> shapes = new LinkedHashMap<>();
    private final long seed;

    private RandomCheckpoint(JsonNode config, long seed) {
        this.config = config.deepCopy();
        this.seed = seed;
    }

    /** Random weights for {@code config}; gpt2 names without the {@code transformer.} prefix. */
    public static RandomCheckpoint of(JsonNode config, long seed) {
        return of(config, seed, false);
    }

    /**
     * Random weights for {@code config}.
     *
     * @param gpt2TransformerPrefix for gpt2, name the base model's tensors {@code transformer.*}
     *                              (as {@code GPT2LMHeadModel.save_pretrained} does); ignored otherwise
     */
    public static RandomCheckpoint of(JsonNode config, long seed, boolean gpt2TransformerPrefix) {
        RandomCheckpoint c = new RandomCheckpoint(config, seed);
        String type = new ConfigView(config).requireString("model_type");
        if (RotaryDecoderConfig.supports(type)) {
            c.addRotaryDecoder(RotaryDecoderConfig.fromConfig(config));
        } else if ("gpt2".equals(type)) {
            c.addGpt2(Gpt2Config.fromConfig(config), gpt2TransformerPrefix ? "transformer." : "");
        } else {
            throw new IllegalArgumentException("unsupported model_type: " + type);
        }
        return c;
    }

    /** A copy of the config the weights were made for. */
    public JsonNode config() {
        return config.deepCopy();
    }

    /** A fresh, mutable, deep copy of the tensors, in a stable order. */
    public Map<String, float[]> weights() {
        Map<String, float[]> copy = new LinkedHashMap<>();
        weights.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    /** A fresh, mutable, deep copy of the shapes, in the same order as {@link #weights()}. */
    public Map<String, long[]> shapes() {
        Map<String, long[]> copy = new LinkedHashMap<>();
        shapes.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    /** The tensor names, in order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(weights.keySet());
    }

    /** The reference model over these weights. */
    public ReferenceCausalLm reference() {
        return ReferenceCausalLm.of(config, weights(), shapes());
    }

    private void addRotaryDecoder(RotaryDecoderConfig c) {
        int h = c.hiddenSize();
        int qDim = c.numHeads() * c.headDim();
        int kvDim = c.numKvHeads() * c.headDim();
        int inter = c.intermediateSize();
        add("model.embed_tokens.weight", Kind.EMBEDDING, h, c.vocabSize(), h);
        for (int i = 0; i < c.numLayers(); i++) {
            String p = "model.layers." + i + ".";
            add(p + "input_layernorm.weight", Kind.NORM_WEIGHT, 0, h);
            linear(p + "self_attn.q_proj", h, qDim, c.qkvBias());
            linear(p + "self_attn.k_proj", h, kvDim, c.qkvBias());
            linear(p + "self_attn.v_proj", h, kvDim, c.qkvBias());
            linear(p + "self_attn.o_proj", qDim, h, c.oProjBias());
            add(p + "post_attention_layernorm.weight", Kind.NORM_WEIGHT, 0, h);
            linear(p + "mlp.gate_proj", h, inter, c.mlpBias());
            linear(p + "mlp.up_proj", h, inter, c.mlpBias());
            linear(p + "mlp.down_proj", inter, h, c.mlpBias());
        }
        add("model.norm.weight", Kind.NORM_WEIGHT, 0, h);
        if (!c.tieWordEmbeddings()) {
            add("lm_head.weight", Kind.MATRIX, h, c.vocabSize(), h);
        }
    }

    private void addGpt2(Gpt2Config c, String prefix) {
        int e = c.nEmbd();
        add(prefix + "wte.weight", Kind.EMBEDDING, e, c.vocabSize(), e);
        add(prefix + "wpe.weight", Kind.POSITION, 0, c.nPositions(), e);
        for (int i = 0; i < c.nLayer(); i++) {
            String p = prefix + "h." + i + ".";
            add(p + "ln_1.weight", Kind.NORM_WEIGHT, 0, e);
            add(p + "ln_1.bias", Kind.BIAS, 0, e);
            conv1d(p + "attn.c_attn", e, 3 * e);
            conv1d(p + "attn.c_proj", e, e);
            add(p + "ln_2.weight", Kind.NORM_WEIGHT, 0, e);
            add(p + "ln_2.bias", Kind.BIAS, 0, e);
            conv1d(p + "mlp.c_fc", e, c.nInner());
            conv1d(p + "mlp.c_proj", c.nInner(), e);
        }
        add(prefix + "ln_f.weight", Kind.NORM_WEIGHT, 0, e);
        add(prefix + "ln_f.bias", Kind.BIAS, 0, e);
        if (!c.tieWordEmbeddings()) {
            add("lm_head.weight", Kind.MATRIX, e, c.vocabSize(), e);
        }
    }

    /** torch nn.Linear: weight [out, in], bias [out]. */
    private void linear(String prefix, int in, int out, boolean bias) {
        add(prefix + ".weight", Kind.MATRIX, in, out, in);
        if (bias) {
            add(prefix + ".bias", Kind.BIAS, 0, out);
        }
    }

    /** GPT-2 Conv1D: weight [in, out], bias [out]. */
    private void conv1d(String prefix, int in, int out) {
        add(prefix + ".weight", Kind.MATRIX, in, in, out);
        add(prefix + ".bias", Kind.BIAS, 0, out);
    }

    private void add(String name, Kind kind, int fanIn, long... shape) {
        int n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, (int) d);
        }
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + name.hashCode());
        float[] data = new float[n];
        for (int i = 0; i < n; i++) {
            double g = gaussian(rng);
            switch (kind) {
                case MATRIX:
                case EMBEDDING:
                    data[i] = (float) (g / Math.sqrt(fanIn));
                    break;
                case NORM_WEIGHT:
                    data[i] = (float) (1.0 + 0.1 * g);
                    break;
                default: // POSITION, BIAS
                    data[i] = (float) (0.1 * g);
                    break;
            }
        }
        if (weights.put(name, data) != null) {
            throw new IllegalStateException("duplicate tensor " + name);
        }
        shapes.put(name, shape.clone());
    }

    /** Standard normal by Box-Muller, so the stream is fixed by the seed on every JDK. */
    private static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble(); // (0, 1]
        double u2 = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
