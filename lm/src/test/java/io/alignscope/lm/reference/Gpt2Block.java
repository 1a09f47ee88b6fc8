package io.alignscope.lm.reference;

import java.util.function.DoubleUnaryOperator;

/**
 * One {@code GPT2Block}: {@code ln_1}, causal multi-head attention through Conv1D {@code c_attn}
 * (split into q, k, v) and {@code c_proj}, residual; {@code ln_2}, MLP {@code c_proj(act(c_fc(x)))},
 * residual.
 */
final class Gpt2Block {

    private final Gpt2Config cfg;
    private final double attentionScale;
    private final double[] ln1Weight;
    private final double[] ln1Bias;
    private final Linear cAttn;
    private final Linear attnProj;
    private final double[] ln2Weight;
    private final double[] ln2Bias;
    private final Linear cFc;
    private final Linear mlpProj;
    private final DoubleUnaryOperator act;

    Gpt2Block(Gpt2Config cfg, WeightStore store, String prefix, int index) {
        this.cfg = cfg;
        double scale = cfg.scaleAttnWeights() ? 1.0 / Math.sqrt(cfg.headDim()) : 1.0;
        if (cfg.scaleAttnByInverseLayerIdx()) {
            scale /= index + 1;
        }
        this.attentionScale = scale;
        String p = prefix + "h." + index + ".";
        int e = cfg.nEmbd();
        ln1Weight = store.vector(p + "ln_1.weight", e);
        ln1Bias = store.vector(p + "ln_1.bias", e);
        cAttn = Linear.conv1d(store, p + "attn.c_attn", e, 3 * e);
        attnProj = Linear.conv1d(store, p + "attn.c_proj", e, e);
        ln2Weight = store.vector(p + "ln_2.weight", e);
        ln2Bias = store.vector(p + "ln_2.bias", e);
        cFc = Linear.conv1d(store, p + "mlp.c_fc", e, cfg.nInner());
        mlpProj = Linear.conv1d(store, p + "mlp.c_proj", cfg.nInner(), e);
        act = Activations.forName(cfg.activation());
    }

    /** @param hidden [T][n_embd] at positions 0..T-1; returns the block output [T][n_embd] */
    double[][] forward(double[][] hidden) {
        int t = hidden.length;
        int e = cfg.nEmbd();
        double[][][] q = new double[t][][];
        double[][][] k = new double[t][][];
        double[][][] v = new double[t][][];
        for (int pos = 0; pos < t; pos++) {
            double[] qkv = cAttn.apply(Norms.layerNorm(hidden[pos], ln1Weight, ln1Bias, cfg.layerNormEpsilon()));
            q[pos] = Heads.split(Vectors.slice(qkv, 0, e), cfg.nHead(), cfg.headDim());
            k[pos] = Heads.split(Vectors.slice(qkv, e, e), cfg.nHead(), cfg.headDim());
            v[pos] = Heads.split(Vectors.slice(qkv, 2 * e, e), cfg.nHead(), cfg.headDim());
        }
        double[][] attn = CausalAttention.attend(q, k, v, attentionScale, CausalAttention.NO_WINDOW);
        double[][] out = new double[t][];
        for (int pos = 0; pos < t; pos++) {
            double[] afterAttention = Vectors.add(hidden[pos], attnProj.apply(attn[pos]));
            double[] x = Norms.layerNorm(afterAttention, ln2Weight, ln2Bias, cfg.layerNormEpsilon());
            double[] inner = cFc.apply(x);
            for (int i = 0; i < inner.length; i++) {
                inner[i] = act.applyAsDouble(inner[i]);
            }
            out[pos] = Vectors.add(afterAttention, mlpProj.apply(inner));
        }
        return out;
    }
}
