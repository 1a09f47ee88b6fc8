package io.alignscope.lm.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * An independent, deliberately plain reference for the forward pass of Hugging Face causal language
 * models: double-precision loops over {@code double[]}, no tensor library, written from transformers'
 * modeling code so that a production decoder can be checked against it.
 *
 * <p>Supported {@code model_type}s:
 * <ul>
 *   <li>{@code llama} ({@code LlamaForCausalLM}): RMSNorm, RoPE ("default", "linear", "llama3"
 *       scaling), grouped-query attention, SiLU-gated MLP; {@code attention_bias} (q/k/v/o) and
 *       {@code mlp_bias} honoured.</li>
 *   <li>{@code mistral}: as llama without biases, with {@code sliding_window} (absent: 4096, null:
 *       none) on every layer.</li>
 *   <li>{@code qwen2}: as llama with q/k/v biases; a sliding window only when
 *       {@code use_sliding_window} is true (per {@code layer_types} / {@code max_window_layers}).</li>
 *   <li>{@code gpt2} ({@code GPT2LMHeadModel}): learned positions, LayerNorm, Conv1D weights
 *       ([in, out]), {@code gelu_new}; names with or without the {@code transformer.} prefix.</li>
 * </ul>
 *
 * <p>Weights are given as the float32 values of the checkpoint's tensors, row-major, under their
 * Hugging Face names and with their Hugging Face shapes; every tensor's shape is checked. When
 * {@code tie_word_embeddings} is true (the default for gpt2 only) the logits use the input
 * embedding and any {@code lm_head.weight} is ignored, as after transformers ties the weights; when
 * it is false {@code lm_head.weight} is required. Tensors that the architecture does not use (such
 * as GPT-2's {@code attn.bias} mask buffers) are ignored.
 *
 * <p>Both forward methods take one unpadded sequence at positions {@code 0..T-1}, with no cache.
 * Instances are immutable and thread-safe.
 */
public final class ReferenceCausalLm {

    private final String modelType;
    private final Decoder decoder;

    private ReferenceCausalLm(String modelType, Decoder decoder) {
        this.modelType = modelType;
        this.decoder = decoder;
    }

    /**
     * Builds the reference for the architecture named by {@code config.model_type}.
     *
     * @param config  the parsed {@code config.json}
     * @param weights tensor name to float32 values, row-major
     * @param shapes  tensor name to shape, exactly as stored in safetensors
     * @throws IllegalArgumentException for an unsupported model type, rope type or activation, or a
     *                                  missing or mis-shaped tensor
     */
    public static ReferenceCausalLm of(JsonNode config, Map<String, float[]> weights, Map<String, long[]> shapes) {
        String type = new ConfigView(config).requireString("model_type");
        WeightStore store = new WeightStore(weights, shapes);
        if (RotaryDecoderConfig.supports(type)) {
            return new ReferenceCausalLm(type, new RotaryDecoder(RotaryDecoderConfig.fromConfig(config), store));
        }
        if ("gpt2".equals(type)) {
            return new ReferenceCausalLm(type, new Gpt2Decoder(Gpt2Config.fromConfig(config), store));
        }
        throw new IllegalArgumentException("unsupported model_type: " + type);
    }

    /** The {@code model_type} this instance implements. */
    public String modelType() {
        return modelType;
    }

    /** Number of logits per position. */
    public int vocabSize() {
        return decoder.vocabSize();
    }

    /** Width of the hidden states. */
    public int hiddenSize() {
        return decoder.hiddenSize();
    }

    /**
     * Next-token logits for every position.
     *
     * @param tokenIds one unpadded sequence, positions 0..T-1
     * @return [T][vocab]
     */
    public double[][] logits(int[] tokenIds) {
        double[][] hidden = lastHidden(tokenIds);
        double[][] head = decoder.outputEmbedding();
        double[][] logits = new double[hidden.length][];
        for (int pos = 0; pos < hidden.length; pos++) {
            logits[pos] = Vectors.matVec(head, hidden[pos]);
        }
        return logits;
    }

    /**
     * The last hidden states, after the final norm (transformers' {@code last_hidden_state}).
     *
     * @param tokenIds one unpadded sequence, positions 0..T-1
     * @return [T][hidden]
     */
    public double[][] lastHidden(int[] tokenIds) {
        double[][][] states = hiddenStates(tokenIds);
        return states[states.length - 1];
    }

    /**
     * All hidden states as transformers returns them with {@code output_hidden_states=True}: the
     * input embeddings (plus positions for gpt2), then the output of every layer but the last, then
     * the output of the last layer after the final norm.
     *
     * @param tokenIds one unpadded sequence, positions 0..T-1
     * @return [numLayers + 1][T][hidden]
     */
    public double[][][] hiddenStates(int[] tokenIds) {
        checkTokens(tokenIds);
        return decoder.hiddenStates(tokenIds);
    }

    private void checkTokens(int[] tokenIds) {
        if (tokenIds == null || tokenIds.length == 0) {
            throw new IllegalArgumentException("empty sequence");
        }
        for (int id : tokenIds) {
            if (id < 0 || id >= decoder.vocabSize()) {
                throw new IllegalArgumentException("token id " + id + " outside vocabulary of " + decoder.vocabSize());
            }
        }
    }
}
