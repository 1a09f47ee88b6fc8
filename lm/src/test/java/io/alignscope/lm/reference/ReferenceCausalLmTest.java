package io.alignscope.lm.reference;

import static io.alignscope.lm.reference.HandCheckpoint.maxAbsDiff;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Structural properties of the reference that must hold whatever the weights are. */
class ReferenceCausalLmTest {

    private static final int[] TOKENS = {5, 17, 3, 88, 42, 42, 0, 96, 61, 7, 30, 12};

    static Stream<Arguments> tinyConfigs() {
        return Stream.of(
                Arguments.of("llama", TinyConfigs.tinyLlama()),
                Arguments.of("llama3 rope", TinyConfigs.tinyLlamaLlama3Rope()),
                Arguments.of("linear rope", TinyConfigs.tinyLlamaLinearRope()),
                Arguments.of("explicit head_dim", TinyConfigs.tinyLlamaExplicitHeadDim()),
                Arguments.of("mistral", TinyConfigs.tinyMistral()),
                Arguments.of("qwen2", TinyConfigs.tinyQwen2()),
                Arguments.of("gpt2", TinyConfigs.tinyGpt2()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tinyConfigs")
    void shapesAndScale(String name, JsonNode config) {
        ReferenceCausalLm lm = RandomCheckpoint.of(config, 1).reference();
        double[][] logits = lm.logits(TOKENS);
        assertEquals(TOKENS.length, logits.length);
        assertEquals(97, logits[0].length);
        assertEquals(97, lm.vocabSize());
        assertEquals(32, lm.hiddenSize());
        assertEquals(32, lm.lastHidden(TOKENS)[0].length);
        assertEquals(3, lm.hiddenStates(TOKENS).length);
        double maxAbs = Arrays.stream(logits).flatMapToDouble(Arrays::stream).map(Math::abs).max().orElseThrow();
        assertTrue(maxAbs > 0.3 && maxAbs < 20, name + ": logits should be O(1), max |logit| = " + maxAbs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tinyConfigs")
    void causalMask(String name, JsonNode config) {
        ReferenceCausalLm lm = RandomCheckpoint.of(config, 2).reference();
        double[][] full = lm.logits(TOKENS);
        int[] changedLast = TOKENS.clone();
        changedLast[TOKENS.length - 1] = 1;
        double[][] changed = lm.logits(changedLast);
        for (int t = 0; t < TOKENS.length - 1; t++) {
            assertArrayEquals(full[t], changed[t], 1e-12, name + " position " + t);
        }
        assertTrue(maxAbsDiff(new double[][] {full[TOKENS.length - 1]}, new double[][] {changed[TOKENS.length - 1]}) > 1e-3);
        // a prefix run alone gives the same logits as inside the longer sequence
        double[][] prefix = lm.logits(Arrays.copyOf(TOKENS, 5));
        assertEquals(0.0, maxAbsDiff(prefix, Arrays.copyOf(full, 5)), 1e-12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tinyConfigs")
    void deterministic(String name, JsonNode config) {
        double[][] a = RandomCheckpoint.of(config, 3).reference().logits(TOKENS);
        double[][] b = RandomCheckpoint.of(config, 3).reference().logits(TOKENS);
        double[][] other = RandomCheckpoint.of(config, 4).reference().logits(TOKENS);
        assertEquals(0.0, maxAbsDiff(a, b), 0.0);
        assertTrue(maxAbsDiff(a, other) > 1e-2);
    }

    /**
     * With one layer and window 4, the last query (position 11) sees keys 8..11: changing token 7 leaves
     * its logits unchanged, changing token 8 does not. With L layers the receptive field is
     * L * (window - 1) back: for the 2-layer tiny mistral, position 11 depends on tokens 5..11.
     */
    @Test
    void slidingWindow() {
        ObjectNode oneLayer = TinyConfigs.tinyMistral();
        oneLayer.put("num_hidden_layers", 1);
        assertWindowBoundary(RandomCheckpoint.of(oneLayer, 5).reference(), 7);
        assertWindowBoundary(RandomCheckpoint.of(TinyConfigs.tinyMistral(), 5).reference(), 4);

        // without the window every earlier token matters
        ObjectNode noWindow = TinyConfigs.tinyMistral();
        noWindow.putNull("sliding_window");
        ReferenceCausalLm full = RandomCheckpoint.of(noWindow, 5).reference();
        assertLastChanges(full, 0, true);
    }

    private static void assertWindowBoundary(ReferenceCausalLm lm, int lastInvisible) {
        for (int j = 0; j <= lastInvisible; j++) {
            assertLastChanges(lm, j, false);
        }
        assertLastChanges(lm, lastInvisible + 1, true);
    }

    private static void assertLastChanges(ReferenceCausalLm lm, int position, boolean expectChange) {
        int last = TOKENS.length - 1;
        int[] changed = TOKENS.clone();
        changed[position] = (changed[position] + 1) % 97;
        double diff = maxAbsDiff(new double[][] {lm.logits(TOKENS)[last]}, new double[][] {lm.logits(changed)[last]});
        if (expectChange) {
            assertTrue(diff > 1e-4, "changing token " + position + " should change the last logits");
        } else {
            assertEquals(0.0, diff, 1e-12, "changing token " + position + " should not change the last logits");
        }
    }

    @Test
    void mistralWithoutWindowIsLlama() {
        ObjectNode noWindow = TinyConfigs.tinyMistral();
        noWindow.putNull("sliding_window");
        RandomCheckpoint ckpt = RandomCheckpoint.of(noWindow, 6);
        ObjectNode wideWindow = TinyConfigs.tinyMistral();
        wideWindow.put("sliding_window", TOKENS.length);
        double[][] llama = ReferenceCausalLm.of(TinyConfigs.tinyLlama(), ckpt.weights(), ckpt.shapes()).logits(TOKENS);
        assertEquals(0.0, maxAbsDiff(llama, ckpt.reference().logits(TOKENS)), 1e-12);
        assertEquals(0.0, maxAbsDiff(llama,
                ReferenceCausalLm.of(wideWindow, ckpt.weights(), ckpt.shapes()).logits(TOKENS)), 1e-12);
        // an absent key means transformers' default of 4096, not "none", which is the same here
        ObjectNode absent = TinyConfigs.tinyMistral();
        absent.remove("sliding_window");
        assertEquals(0.0, maxAbsDiff(llama,
                ReferenceCausalLm.of(absent, ckpt.weights(), ckpt.shapes()).logits(TOKENS)), 1e-12);
    }

    @Test
    void qwen2IgnoresInactiveWindowAndEqualsLlamaWithZeroBiases() {
        RandomCheckpoint ckpt = RandomCheckpoint.of(TinyConfigs.tinyQwen2(), 7);
        double[][] qwen = ckpt.reference().logits(TOKENS);

        ObjectNode windowRemoved = TinyConfigs.tinyQwen2();
        windowRemoved.putNull("sliding_window");
        assertEquals(0.0, maxAbsDiff(qwen,
                ReferenceCausalLm.of(windowRemoved, ckpt.weights(), ckpt.shapes()).logits(TOKENS)), 1e-12);

        // use_sliding_window with max_window_layers 1 windows layer 1 only
        ObjectNode active = TinyConfigs.tinyQwen2();
        active.put("use_sliding_window", true);
        double[][] windowed = ReferenceCausalLm.of(active, ckpt.weights(), ckpt.shapes()).logits(TOKENS);
        assertTrue(maxAbsDiff(qwen, windowed) > 1e-4);
        active.put("max_window_layers", 2);
        assertEquals(0.0, maxAbsDiff(qwen,
                ReferenceCausalLm.of(active, ckpt.weights(), ckpt.shapes()).logits(TOKENS)), 1e-12);
        ObjectNode explicitTypes = TinyConfigs.tinyQwen2();
        explicitTypes.put("use_sliding_window", true);
        explicitTypes.putArray("layer_types").add("full_attention").add("sliding_attention");
        assertEquals(0.0, maxAbsDiff(windowed,
                ReferenceCausalLm.of(explicitTypes, ckpt.weights(), ckpt.shapes()).logits(TOKENS)), 1e-12);

        // zero q/k/v biases: a tied llama with the same rope_theta
        Map<String, float[]> weights = ckpt.weights();
        Map<String, long[]> shapes = ckpt.shapes();
        weights.keySet().removeIf(n -> n.endsWith("_proj.bias"));
        shapes.keySet().removeIf(n -> n.endsWith("_proj.bias"));
        ObjectNode llama = TinyConfigs.tinyLlama();
        llama.put("tie_word_embeddings", true);
        llama.put("rope_theta", 1000000.0);
        double[][] asLlama = ReferenceCausalLm.of(llama, weights, shapes).logits(TOKENS);
        Map<String, float[]> zeroBias = ckpt.weights();
        zeroBias.replaceAll((n, v) -> n.endsWith("_proj.bias") ? new float[v.length] : v);
        assertEquals(0.0, maxAbsDiff(asLlama,
                ReferenceCausalLm.of(TinyConfigs.tinyQwen2(), zeroBias, ckpt.shapes()).logits(TOKENS)), 1e-12);
        assertTrue(maxAbsDiff(asLlama, qwen) > 1e-3, "the biases must matter");
    }

    @Test
    void llamaBiasesAreUsed() {
        ObjectNode biased = TinyConfigs.tinyLlama();
        biased.put("attention_bias", true);
        biased.put("mlp_bias", true);
        RandomCheckpoint ckpt = RandomCheckpoint.of(biased, 8);
        assertTrue(ckpt.names().contains("model.layers.0.self_attn.o_proj.bias"));
        assertTrue(ckpt.names().contains("model.layers.1.mlp.down_proj.bias"));
        Map<String, float[]> zeroBias = ckpt.weights();
        zeroBias.replaceAll((n, v) -> n.endsWith(".bias") ? new float[v.length] : v);
        double[][] zeroed = ReferenceCausalLm.of(biased, zeroBias, ckpt.shapes()).logits(TOKENS);
        Map<String, float[]> noBias = ckpt.weights();
        Map<String, long[]> noBiasShapes = ckpt.shapes();
        noBias.keySet().removeIf(n -> n.endsWith(".bias"));
        noBiasShapes.keySet().removeIf(n -> n.endsWith(".bias"));
        double[][] plain = ReferenceCausalLm.of(TinyConfigs.tinyLlama(), noBias, noBiasShapes).logits(TOKENS);
        assertEquals(0.0, maxAbsDiff(zeroed, plain), 1e-12);
        assertTrue(maxAbsDiff(plain, ckpt.reference().logits(TOKENS)) > 1e-3);
        // every single bias group matters
        for (String bias : new String[] {"self_attn.q_proj", "self_attn.k_proj", "self_attn.v_proj", "self_attn.o_proj",
                "mlp.gate_proj", "mlp.up_proj", "mlp.down_proj"}) {
            Map<String, float[]> one = ckpt.weights();
            one.replaceAll((n, v) -> n.endsWith(".bias") && !n.endsWith(bias + ".bias") ? new float[v.length] : v);
            assertTrue(maxAbsDiff(plain, ReferenceCausalLm.of(biased, one, ckpt.shapes()).logits(TOKENS)) > 1e-5, bias);
        }
    }

    /**
     * A GQA model equals the MHA model whose k/v projections repeat each kv head for its query heads
     * (transformers' repeat_kv: query head h reads kv head h / (heads / kv_heads)); repeating them
     * interleaved (h % kv_heads) gives a different model.
     */
    @Test
    void groupedQueryAttentionEqualsDuplicatedHeads() {
        RandomCheckpoint ckpt = RandomCheckpoint.of(TinyConfigs.tinyLlama(), 9); // 4 heads, 2 kv heads, head_dim 8
        ObjectNode mhaConfig = TinyConfigs.tinyLlama();
        mhaConfig.put("num_key_value_heads", 4);
        double[][] gqa = ckpt.reference().logits(TOKENS);
        double[][] blocked = ReferenceCausalLm.of(mhaConfig, expandKv(ckpt, h -> h / 2), expandedShapes(ckpt)).logits(TOKENS);
        assertEquals(0.0, maxAbsDiff(gqa, blocked), 1e-12);
        double[][] interleaved = ReferenceCausalLm.of(mhaConfig, expandKv(ckpt, h -> h % 2), expandedShapes(ckpt)).logits(TOKENS);
        assertTrue(maxAbsDiff(gqa, interleaved) > 1e-3);

        ObjectNode nullKv = TinyConfigs.tinyLlama();
        nullKv.putNull("num_key_value_heads"); // null means MHA
        assertEquals(0.0, maxAbsDiff(blocked,
                ReferenceCausalLm.of(nullKv, expandKv(ckpt, h -> h / 2), expandedShapes(ckpt)).logits(TOKENS)), 1e-12);
    }

    private static final int HEAD_DIM = 8;
    private static final int HIDDEN = 32;

    /** k/v_proj weights [2 * 8, 32] expanded to [4 * 8, 32], query head h taking kv head kvHeadOf(h). */
    private static Map<String, float[]> expandKv(RandomCheckpoint ckpt, IntUnaryOperator kvHeadOf) {
        Map<String, float[]> weights = ckpt.weights();
        weights.replaceAll((name, kv) -> {
            if (!name.endsWith("k_proj.weight") && !name.endsWith("v_proj.weight")) {
                return kv;
            }
            float[] mha = new float[4 * HEAD_DIM * HIDDEN];
            for (int head = 0; head < 4; head++) {
                System.arraycopy(kv, kvHeadOf.applyAsInt(head) * HEAD_DIM * HIDDEN, mha, head * HEAD_DIM * HIDDEN,
                        HEAD_DIM * HIDDEN);
            }
            return mha;
        });
        return weights;
    }

    private static Map<String, long[]> expandedShapes(RandomCheckpoint ckpt) {
        Map<String, long[]> shapes = ckpt.shapes();
        shapes.replaceAll((name, shape) -> name.endsWith("k_proj.weight") || name.endsWith("v_proj.weight")
                ? new long[] {4 * HEAD_DIM, HIDDEN} : shape);
        return shapes;
    }

    @Test
    void tiedEqualsUntiedWithCopiedHead() {
        RandomCheckpoint tied = RandomCheckpoint.of(TinyConfigs.tinyQwen2(), 10);
        assertFalse(tied.names().contains("lm_head.weight"));
        Map<String, float[]> weights = tied.weights();
        Map<String, long[]> shapes = tied.shapes();
        weights.put("lm_head.weight", weights.get("model.embed_tokens.weight").clone());
        shapes.put("lm_head.weight", shapes.get("model.embed_tokens.weight").clone());
        ObjectNode untied = TinyConfigs.tinyQwen2();
        untied.put("tie_word_embeddings", false);
        assertEquals(0.0, maxAbsDiff(tied.reference().logits(TOKENS),
                ReferenceCausalLm.of(untied, weights, shapes).logits(TOKENS)), 0.0);

        // untied really uses lm_head
        weights.get("lm_head.weight")[0] += 1.0f;
        assertTrue(maxAbsDiff(tied.reference().logits(TOKENS),
                ReferenceCausalLm.of(untied, weights, shapes).logits(TOKENS)) > 1e-3);
        // tied ignores a stray lm_head, as transformers overwrites it with the embedding
        assertEquals(0.0, maxAbsDiff(tied.reference().logits(TOKENS),
                ReferenceCausalLm.of(TinyConfigs.tinyQwen2(), weights, shapes).logits(TOKENS)), 0.0);
    }

    @Test
    void gpt2PrefixDoesNotMatter() {
        RandomCheckpoint bare = RandomCheckpoint.of(TinyConfigs.tinyGpt2(), 11);
        RandomCheckpoint prefixed = RandomCheckpoint.of(TinyConfigs.tinyGpt2(), 11, true);
        assertTrue(bare.names().contains("wte.weight"));
        assertTrue(prefixed.names().contains("transformer.wte.weight"));
        assertTrue(prefixed.names().stream().allMatch(n -> n.startsWith("transformer.")));
        // the prefix changes the seeds per name, so rename bare's tensors instead of comparing draws
        Map<String, float[]> renamed = new LinkedHashMap<>();
        Map<String, long[]> renamedShapes = new LinkedHashMap<>();
        bare.weights().forEach((n, v) -> renamed.put("transformer." + n, v));
        bare.shapes().forEach((n, v) -> renamedShapes.put("transformer." + n, v));
        // GPT-2 checkpoints also carry mask buffers, which are ignored
        renamed.put("transformer.h.0.attn.bias", new float[] {1});
        renamedShapes.put("transformer.h.0.attn.bias", new long[] {1, 1, 1, 1});
        assertEquals(0.0, maxAbsDiff(bare.reference().logits(TOKENS),
                ReferenceCausalLm.of(TinyConfigs.tinyGpt2(), renamed, renamedShapes).logits(TOKENS)), 0.0);
        // lm_head.weight equal to wte with tie_word_embeddings false gives the same logits too
        Map<String, float[]> untied = bare.weights();
        Map<String, long[]> untiedShapes = bare.shapes();
        untied.put("lm_head.weight", untied.get("wte.weight").clone());
        untiedShapes.put("lm_head.weight", untiedShapes.get("wte.weight").clone());
        ObjectNode untiedConfig = TinyConfigs.tinyGpt2();
        untiedConfig.put("tie_word_embeddings", false);
        assertEquals(0.0, maxAbsDiff(bare.reference().logits(TOKENS),
                ReferenceCausalLm.of(untiedConfig, untied, untiedShapes).logits(TOKENS)), 0.0);
    }

    /** scale_attn_by_inverse_layer_idx divides layer i's scores by i + 1, so it cannot change layer 0. */
    @Test
    void gpt2AttentionScaleOptions() {
        ObjectNode oneLayer = TinyConfigs.tinyGpt2();
        oneLayer.put("n_layer", 1);
        RandomCheckpoint one = RandomCheckpoint.of(oneLayer, 14);
        ObjectNode oneLayerScaled = oneLayer.deepCopy();
        oneLayerScaled.put("scale_attn_by_inverse_layer_idx", true);
        assertEquals(0.0, maxAbsDiff(one.reference().logits(TOKENS),
                ReferenceCausalLm.of(oneLayerScaled, one.weights(), one.shapes()).logits(TOKENS)), 0.0);

        RandomCheckpoint two = RandomCheckpoint.of(TinyConfigs.tinyGpt2(), 14);
        ObjectNode twoScaled = TinyConfigs.tinyGpt2();
        twoScaled.put("scale_attn_by_inverse_layer_idx", true);
        assertTrue(maxAbsDiff(two.reference().logits(TOKENS),
                ReferenceCausalLm.of(twoScaled, two.weights(), two.shapes()).logits(TOKENS)) > 1e-4);
        ObjectNode unscaled = TinyConfigs.tinyGpt2();
        unscaled.put("scale_attn_weights", false);
        assertTrue(maxAbsDiff(two.reference().logits(TOKENS),
                ReferenceCausalLm.of(unscaled, two.weights(), two.shapes()).logits(TOKENS)) > 1e-4);
    }

    /** RoPE is the identity at position 0, so only later positions see the rope scaling. */
    @Test
    void ropeScalingOnlyAffectsLaterPositions() {
        RandomCheckpoint ckpt = RandomCheckpoint.of(TinyConfigs.tinyLlama(), 12);
        double[][] plain = ckpt.reference().logits(TOKENS);
        for (JsonNode scaled : new JsonNode[] {TinyConfigs.tinyLlamaLlama3Rope(), TinyConfigs.tinyLlamaLinearRope()}) {
            double[][] other = ReferenceCausalLm.of(scaled, ckpt.weights(), ckpt.shapes()).logits(TOKENS);
            assertArrayEquals(plain[0], other[0], 1e-12);
            assertTrue(maxAbsDiff(new double[][] {plain[TOKENS.length - 1]}, new double[][] {other[TOKENS.length - 1]}) > 1e-4);
        }
    }

    @Test
    void rejectsBadInput() {
        RandomCheckpoint llama = RandomCheckpoint.of(TinyConfigs.tinyLlama(), 13);
        ReferenceCausalLm lm = llama.reference();
        assertThrows(IllegalArgumentException.class, () -> lm.logits(new int[0]));
        assertThrows(IllegalArgumentException.class, () -> lm.logits(new int[] {97}));
        assertThrows(IllegalArgumentException.class, () -> lm.logits(new int[] {-1}));

        ObjectNode unknownType = TinyConfigs.tinyLlama();
        unknownType.put("model_type", "falcon");
        assertThrows(IllegalArgumentException.class, () -> ReferenceCausalLm.of(unknownType, llama.weights(), llama.shapes()));

        ObjectNode dynamicRope = TinyConfigs.tinyLlama();
        dynamicRope.putObject("rope_scaling").put("rope_type", "dynamic").put("factor", 2.0);
        assertThrows(IllegalArgumentException.class, () -> ReferenceCausalLm.of(dynamicRope, llama.weights(), llama.shapes()));

        Map<String, float[]> noHead = llama.weights();
        noHead.remove("lm_head.weight");
        assertThrows(IllegalArgumentException.class, () -> ReferenceCausalLm.of(TinyConfigs.tinyLlama(), noHead, llama.shapes()));

        Map<String, long[]> transposed = llama.shapes();
        transposed.put("model.layers.0.mlp.down_proj.weight", new long[] {64, 32});
        assertThrows(IllegalArgumentException.class, () -> ReferenceCausalLm.of(TinyConfigs.tinyLlama(), llama.weights(), transposed));

        RandomCheckpoint gpt2 = RandomCheckpoint.of(TinyConfigs.tinyGpt2(), 13);
        assertThrows(IllegalArgumentException.class, () -> gpt2.reference().logits(new int[65]));
        Map<String, long[]> gpt2Transposed = gpt2.shapes();
        gpt2Transposed.put("h.1.mlp.c_fc.weight", new long[] {128, 32});
        assertThrows(IllegalArgumentException.class, () -> ReferenceCausalLm.of(TinyConfigs.tinyGpt2(), gpt2.weights(), gpt2Transposed));
    }
}
