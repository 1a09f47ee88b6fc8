package io.alignscope.lm.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * One-layer, one-head models with hand-chosen weights whose outputs are worked out on paper (the
 * expected values below are closed-form expressions of that working, not calls into the reference).
 */
class ReferenceCausalLmHandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final double[][] I2 = {{1, 0}, {0, 1}};

    /** llama, hidden 2, 1 head (head_dim 2, inv_freq {1}), intermediate 1, rms eps 0, tied embeddings. */
    private static ObjectNode handLlama(int vocab) {
        ObjectNode c = MAPPER.createObjectNode();
        c.put("model_type", "llama");
        c.put("vocab_size", vocab);
        c.put("hidden_size", 2);
        c.put("intermediate_size", 1);
        c.put("num_hidden_layers", 1);
        c.put("num_attention_heads", 1);
        c.put("num_key_value_heads", 1);
        c.put("rms_norm_eps", 0.0);
        c.put("rope_theta", 10000.0);
        c.put("tie_word_embeddings", true);
        return c;
    }

    private static HandCheckpoint llamaNorms(HandCheckpoint w) {
        return w.vector("model.layers.0.input_layernorm.weight", 1, 1)
                .vector("model.layers.0.post_attention_layernorm.weight", 1, 1)
                .vector("model.norm.weight", 1, 1);
    }

    /**
     * Tokens {0, 1} with embeddings e0 = (1, 1), e1 = (1, -1) (both already of RMS 1), q = k = v = o = I,
     * MLP zero. Position 0 attends only to itself: h0 = e0 + e0 = (2, 2). At position 1,
     * q1 = k1 = rot_1(e1) = (cos1 + sin1, sin1 - cos1) (rotate_half(a, b) = (-b, a)), k0 = e0, so with
     * scale 1/sqrt 2 the scores are s10 = q1.k0 / sqrt2 = 2 sin1 / sqrt2 = sqrt2 sin1 and
     * s11 = |q1|^2 / sqrt2 = sqrt2. Values are unrotated: out1 = w0 e0 + w1 e1 = (1, w0 - w1) and
     * h1 = e1 + out1 = (2, -2 w1) with w1 = 1 / (1 + exp(s10 - s11)). The final RMSNorm (eps 0) and the
     * tied head give logits (n0 + n1, n0 - n1) for n = h / rms(h).
     */
    @Test
    void llamaRotaryAttentionByHand() {
        HandCheckpoint w = llamaNorms(new HandCheckpoint())
                .matrix("model.embed_tokens.weight", new double[] {1, 1}, new double[] {1, -1})
                .matrix("model.layers.0.self_attn.q_proj.weight", I2)
                .matrix("model.layers.0.self_attn.k_proj.weight", I2)
                .matrix("model.layers.0.self_attn.v_proj.weight", I2)
                .matrix("model.layers.0.self_attn.o_proj.weight", I2)
                .zeros("model.layers.0.mlp.gate_proj.weight", 1, 2)
                .zeros("model.layers.0.mlp.up_proj.weight", 1, 2)
                .zeros("model.layers.0.mlp.down_proj.weight", 2, 1);
        ReferenceCausalLm lm = w.build(handLlama(2));

        double s10 = Math.sqrt(2) * Math.sin(1);
        double s11 = Math.sqrt(2);
        double w1 = 1.0 / (1.0 + Math.exp(s10 - s11));
        double[] h1 = {2, -2 * w1};
        double rms1 = Math.sqrt((h1[0] * h1[0] + h1[1] * h1[1]) / 2);
        double[] n1 = {h1[0] / rms1, h1[1] / rms1};

        double[][] hidden = lm.lastHidden(new int[] {0, 1});
        assertArrayEquals(new double[] {1, 1}, hidden[0], 1e-12); // (2, 2) normalised
        assertArrayEquals(n1, hidden[1], 1e-12);
        double[][] logits = lm.logits(new int[] {0, 1});
        assertArrayEquals(new double[] {2, 0}, logits[0], 1e-12);
        assertArrayEquals(new double[] {n1[0] + n1[1], n1[0] - n1[1]}, logits[1], 1e-12);
        // sanity of the working: w1 = 1/(1 + e^{sqrt2 (sin1 - 1)}) = 0.5559...
        assertEquals(0.5559, w1, 1e-4);
    }

    /**
     * Tokens {0, 1, 2}, e = (1,1), (1,-1), (-1,-1). q_proj = 0 makes every score 0, so attention is
     * the plain mean of the visible values (v = I): m0 = (1,1), m1 = (1,0), m2 = (1/3,-1/3).
     * o_proj rows {(1,0),(1,1)} map (a, b) to (a, a + b): (1,2), (1,1), (1/3,0); after the residual
     * a0 = (2,3), a1 = (2,0), a2 = (-2/3,-1). The MLP with gate row (1,0), up row (0,1), down column (1,0)
     * adds (silu(x0) * x1, 0) for x = a / rms(a). Then final RMSNorm and the tied head.
     */
    @Test
    void llamaUniformAttentionAndGatedMlpByHand() {
        HandCheckpoint w = llamaNorms(new HandCheckpoint())
                .matrix("model.embed_tokens.weight", new double[] {1, 1}, new double[] {1, -1}, new double[] {-1, -1})
                .zeros("model.layers.0.self_attn.q_proj.weight", 2, 2)
                .matrix("model.layers.0.self_attn.k_proj.weight", I2)
                .matrix("model.layers.0.self_attn.v_proj.weight", I2)
                .matrix("model.layers.0.self_attn.o_proj.weight", new double[] {1, 0}, new double[] {1, 1})
                .matrix("model.layers.0.mlp.gate_proj.weight", new double[] {1, 0})
                .matrix("model.layers.0.mlp.up_proj.weight", new double[] {0, 1})
                .matrix("model.layers.0.mlp.down_proj.weight", new double[] {1}, new double[] {0});
        ReferenceCausalLm lm = w.build(handLlama(3));

        double[][] afterAttention = {{2, 3}, {2, 0}, {-2.0 / 3, -1}};
        double[][] embeddings = {{1, 1}, {1, -1}, {-1, -1}};
        double[][] logits = lm.logits(new int[] {0, 1, 2});
        double[][] hiddenStates0 = lm.hiddenStates(new int[] {0, 1, 2})[0];
        for (int t = 0; t < 3; t++) {
            assertArrayEquals(embeddings[t], hiddenStates0[t], 0.0);
            double[] a = afterAttention[t];
            double rmsA = Math.sqrt((a[0] * a[0] + a[1] * a[1]) / 2);
            double x0 = a[0] / rmsA;
            double x1 = a[1] / rmsA;
            double[] h = {a[0] + x0 / (1 + Math.exp(-x0)) * x1, a[1]};
            double rmsH = Math.sqrt((h[0] * h[0] + h[1] * h[1]) / 2);
            double[] n = {h[0] / rmsH, h[1] / rmsH};
            assertArrayEquals(new double[] {n[0] + n[1], n[0] - n[1], -n[0] - n[1]}, logits[t], 1e-12, "position " + t);
        }
    }

    /**
     * As {@link #llamaRotaryAttentionByHand()} but with hidden 4 and an explicit head_dim 2 (not 4 / 1):
     * e0 = (1,1,1,1), e1 = (1,-1,1,-1) (RMS 1), q/k/v_proj [2, 4] take the first two features and
     * o_proj [4, 2] puts the head back there. The scores are the same as there (scale 1/sqrt(head_dim)
     * = 1/sqrt 2, not 1/sqrt(hidden)), so h0 = (2, 2, 1, 1) and h1 = (2, -2 w1, 1, -1).
     */
    @Test
    void llamaExplicitHeadDimByHand() {
        ObjectNode c = handLlama(2);
        c.put("hidden_size", 4);
        c.put("head_dim", 2);
        double[][] pick = {{1, 0, 0, 0}, {0, 1, 0, 0}};
        HandCheckpoint w = new HandCheckpoint()
                .matrix("model.embed_tokens.weight", new double[] {1, 1, 1, 1}, new double[] {1, -1, 1, -1})
                .vector("model.layers.0.input_layernorm.weight", 1, 1, 1, 1)
                .matrix("model.layers.0.self_attn.q_proj.weight", pick)
                .matrix("model.layers.0.self_attn.k_proj.weight", pick)
                .matrix("model.layers.0.self_attn.v_proj.weight", pick)
                .matrix("model.layers.0.self_attn.o_proj.weight", new double[] {1, 0}, new double[] {0, 1},
                        new double[] {0, 0}, new double[] {0, 0})
                .vector("model.layers.0.post_attention_layernorm.weight", 1, 1, 1, 1)
                .zeros("model.layers.0.mlp.gate_proj.weight", 1, 4)
                .zeros("model.layers.0.mlp.up_proj.weight", 1, 4)
                .zeros("model.layers.0.mlp.down_proj.weight", 4, 1)
                .vector("model.norm.weight", 1, 1, 1, 1);
        ReferenceCausalLm lm = w.build(c);

        double w1 = 1.0 / (1.0 + Math.exp(Math.sqrt(2) * Math.sin(1) - Math.sqrt(2)));
        double[][] h = {{2, 2, 1, 1}, {2, -2 * w1, 1, -1}};
        double[][] logits = lm.logits(new int[] {0, 1});
        for (int t = 0; t < 2; t++) {
            double rms = Math.sqrt((h[t][0] * h[t][0] + h[t][1] * h[t][1] + h[t][2] * h[t][2] + h[t][3] * h[t][3]) / 4);
            double[] n = {h[t][0] / rms, h[t][1] / rms, h[t][2] / rms, h[t][3] / rms};
            assertArrayEquals(new double[] {n[0] + n[1] + n[2] + n[3], n[0] - n[1] + n[2] - n[3]}, logits[t], 1e-12);
        }
    }

    /** GPT-2 layer norm over a 2-vector (a, b) with weight 1, bias 0, eps 1: d = (a - b)/2, (d, -d)/sqrt(d^2 + 1). */
    private static double[] ln2(double a, double b) {
        double d = (a - b) / 2;
        double r = Math.sqrt(d * d + 1);
        return new double[] {d / r, -d / r};
    }

    /**
     * gpt2, n_embd 2, 2 heads of head_dim 1 (scale 1/sqrt 1), n_inner 3, layer_norm_epsilon 1, tied.
     * wte = I, wpe(1) = (0, 0.5), so x0 = (1, 0), x1 = (0, 1.5); ln_1 (bias (0, 0.5)) gives
     * n0 = (a, 0.5 - a) with a = 0.5/sqrt 1.25 and n1 = (-0.6, 0.6 + 0.5). Conv1D c_attn [in 2, out 6]
     * gives q = n, k = (n_1, 0), v = (2 n_0 + 0.25, n_1). Only head 0 matters below: its scores are
     * s_ij = n_i0 * n_j1, so s10 = -0.6 (0.5 - a) and s11 = -0.6 * 1.1. c_proj [in, out] = {(0,1),(0,0)}
     * maps (p, q) to (0, p), plus bias (0, 0.125). The MLP has c_fc weight 0 and bias (1, -1, 0.5), and
     * c_proj rows (1,0),(0,0),(0,1), so it adds the constant (gelu_new(1), gelu_new(0.5)). Then ln_f and
     * the tied head. A transposed Conv1D, a wrong q/k/v split order, the wrong attention scale or a missing
     * position embedding all change the result.
     */
    @Test
    void gpt2ByHand() {
        ObjectNode c = MAPPER.createObjectNode();
        c.put("model_type", "gpt2");
        c.put("vocab_size", 2);
        c.put("n_positions", 4);
        c.put("n_embd", 2);
        c.put("n_layer", 1);
        c.put("n_head", 2);
        c.put("n_inner", 3);
        c.put("layer_norm_epsilon", 1.0);
        c.put("activation_function", "gelu_new");
        HandCheckpoint w = new HandCheckpoint()
                .matrix("wte.weight", I2)
                .matrix("wpe.weight", new double[] {0, 0}, new double[] {0, 0.5}, new double[] {0, 0}, new double[] {0, 0})
                .vector("h.0.ln_1.weight", 1, 1).vector("h.0.ln_1.bias", 0, 0.5)
                // columns: q0 q1 k0 k1 v0 v1
                .matrix("h.0.attn.c_attn.weight", new double[] {1, 0, 0, 0, 2, 0}, new double[] {0, 1, 1, 0, 0, 1})
                .vector("h.0.attn.c_attn.bias", 0, 0, 0, 0, 0.25, 0)
                .matrix("h.0.attn.c_proj.weight", new double[] {0, 1}, new double[] {0, 0})
                .vector("h.0.attn.c_proj.bias", 0, 0.125)
                .vector("h.0.ln_2.weight", 1, 1).vector("h.0.ln_2.bias", 0, 0)
                .zeros("h.0.mlp.c_fc.weight", 2, 3)
                .vector("h.0.mlp.c_fc.bias", 1, -1, 0.5)
                .matrix("h.0.mlp.c_proj.weight", new double[] {1, 0}, new double[] {0, 0}, new double[] {0, 1})
                .vector("h.0.mlp.c_proj.bias", 0, 0)
                .vector("ln_f.weight", 1, 1).vector("ln_f.bias", 0, 0);
        ReferenceCausalLm lm = w.build(c);

        double a = 0.5 / Math.sqrt(1.25);
        double v00 = 2 * a + 0.25;
        double v10 = 2 * -0.6 + 0.25;
        double s10 = -0.6 * (0.5 - a);
        double s11 = -0.6 * 1.1;
        double w0 = 1.0 / (1.0 + Math.exp(s11 - s10));
        double attn1First = w0 * v00 + (1 - w0) * v10;
        double[] mlp = {0.8411919906082768, 0.34571400982514394}; // gelu_new(1), gelu_new(0.5)
        double[] h0 = {1 + 0 + mlp[0], 0 + v00 + 0.125 + mlp[1]};
        double[] h1 = {0 + 0 + mlp[0], 1.5 + attn1First + 0.125 + mlp[1]};

        double[][] logits = lm.logits(new int[] {0, 1});
        assertArrayEquals(ln2(h0[0], h0[1]), logits[0], 1e-12);
        assertArrayEquals(ln2(h1[0], h1[1]), logits[1], 1e-12);
        assertArrayEquals(new double[][] {{1, 0}, {0, 1.5}}, lm.hiddenStates(new int[] {0, 1})[0]);
    }
}
