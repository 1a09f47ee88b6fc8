package io.alignscope.lm.reference;

import java.util.function.DoubleUnaryOperator;

/**
 * One {@code LlamaDecoderLayer} (also Mistral's and Qwen2's): pre-RMSNorm self-attention with RoPE
 * and grouped-query attention, then pre-RMSNorm gated MLP {@code down(act(gate(x)) * up(x))}, each
 * with a residual connection.
 */
final class RotaryDecoderLayer {

    private final RotaryDecoderConfig cfg;
    private final RotaryEmbedding rope;
    private final int slidingWindow;
    private final double[] inputNorm;
    private final Linear qProj;
    private final Linear kProj;
    private final Linear vProj;
    private final Linear oProj;
    private final double[] postAttentionNorm;
    private final Linear gateProj;
    private final Linear upProj;
    private final Linear downProj;
    private final DoubleUnaryOperator act;

    RotaryDecoderLayer(RotaryDecoderConfig cfg, WeightStore store, int index, RotaryEmbedding rope) {
        this.cfg = cfg;
        this.rope = rope;
        this.slidingWindow = cfg.slidingWindows()[index];
        String p = "model.layers." + index + ".";
        int h = cfg.hiddenSize();
        int qDim = cfg.numHeads() * cfg.headDim();
        int kvDim = cfg.numKvHeads() * cfg.headDim();
        int inter = cfg.intermediateSize();
        inputNorm = store.vector(p + "input_layernorm.weight", h);
        qProj = Linear.torchLinear(store, p + "self_attn.q_proj", h, qDim, cfg.qkvBias());
        kProj = Linear.torchLinear(store, p + "self_attn.k_proj", h, kvDim, cfg.qkvBias());
        vProj = Linear.torchLinear(store, p + "self_attn.v_proj", h, kvDim, cfg.qkvBias());
        oProj = Linear.torchLinear(store, p + "self_attn.o_proj", qDim, h, cfg.oProjBias());
        postAttentionNorm = store.vector(p + "post_attention_layernorm.weight", h);
        gateProj = Linear.torchLinear(store, p + "mlp.gate_proj", h, inter, cfg.mlpBias());
        upProj = Linear.torchLinear(store, p + "mlp.up_proj", h, inter, cfg.mlpBias());
        downProj = Linear.torchLinear(store, p + "mlp.down_proj", inter, h, cfg.mlpBias());
        act = Activations.forName(cfg.hiddenAct());
    }

    /** @param hidden [T][hidden] at positions 0..T-1; returns the layer output [T][hidden] */
    double[][] forward(double[][] hidden) {
        int t = hidden.length;
        double[][][] q = new double[t][][];
        double[][][] k = new double[t][][];
        double[][][] v = new double[t][][];
        for (int pos = 0; pos < t; pos++) {
            double[] x = Norms.rmsNorm(hidden[pos], inputNorm, cfg.rmsNormEps());
            q[pos] = rotateHeads(Heads.split(qProj.apply(x), cfg.numHeads(), cfg.headDim()), pos);
            k[pos] = rotateHeads(Heads.split(kProj.apply(x), cfg.numKvHeads(), cfg.headDim()), pos);
            v[pos] = Heads.split(vProj.apply(x), cfg.numKvHeads(), cfg.headDim());
        }
        double[][] attn = CausalAttention.attend(q, k, v, 1.0 / Math.sqrt(cfg.headDim()), slidingWindow);
        double[][] out = new double[t][];
        for (int pos = 0; pos < t; pos++) {
            double[] afterAttention = Vectors.add(hidden[pos], oProj.apply(attn[pos]));
            double[] x = Norms.rmsNorm(afterAttention, postAttentionNorm, cfg.rmsNormEps());
            out[pos] = Vectors.add(afterAttention, mlp(x));
        }
        return out;
    }

    private double[][] rotateHeads(double[][] heads, int position) {
        double[][] out = new double[heads.length][];
        for (int h = 0; h < heads.length; h++) {
            out[h] = rope.rotate(heads[h], position);
        }
        return out;
    }

    private double[] mlp(double[] x) {
        double[] gate = gateProj.apply(x);
        double[] up = upProj.apply(x);
        double[] inner = new double[gate.length];
        for (int i = 0; i < gate.length; i++) {
            inner[i] = act.applyAsDouble(gate[i]) * up[i];
        }
        return downProj.apply(inner);
    }
}
