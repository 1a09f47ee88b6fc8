"""Independent numpy cross-check of ReferenceCausalLm (not run by the build).

A transcription of transformers' eager forward passes (LlamaForCausalLM, MistralForCausalLM,
Qwen2ForCausalLM, GPT2LMHeadModel) for batch 1, written in the library's own tensor style
(reshape/transpose, rotate_half, repeat_kv, boolean masks) rather than the Java loops.

    cd <repo> && mvn -q -o -pl lm test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
    java -cp lm/target/test-classes:$(cat /tmp/cp.txt) io.alignscope.lm.reference.GoldenDump /tmp/golden
    python3 lm/src/test/java/io/alignscope/lm/reference/numpy_crosscheck.py /tmp/golden

prints max |numpy - java| per case (about 1e-14) and the values pinned in ReferenceCausalLmGoldenTest.
"""
import json, math, os, sys, numpy as np

os.chdir(sys.argv[1] if len(sys.argv) > 1 else "golden")
idx = json.load(open("index.json"))
tokens = np.array(idx["tokens"])

def load(name, cfgname, shapes):
    a = np.fromfile(os.path.join(cfgname, name + ".bin"), dtype="<f4").astype(np.float64)
    return a.reshape(shapes[name])

def rms(x, w, eps):
    var = (x ** 2).mean(-1, keepdims=True)
    return w * (x / np.sqrt(var + eps))

def ln(x, w, b, eps):
    mu = x.mean(-1, keepdims=True); var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b

def rotate_half(x):
    d = x.shape[-1] // 2
    return np.concatenate([-x[..., d:], x[..., :d]], -1)

def inv_freq(cfg, dim):
    base = cfg.get("rope_theta", 10000.0)
    inv = 1.0 / (base ** (np.arange(0, dim, 2) / dim))
    rs = cfg.get("rope_scaling")
    if rs:
        t = rs.get("rope_type", rs.get("type"))
        if t == "linear":
            inv = inv / rs["factor"]
        elif t == "llama3":
            f, lo, hi, old = rs["factor"], rs["low_freq_factor"], rs["high_freq_factor"], rs["original_max_position_embeddings"]
            lw, hw = old / lo, old / hi
            wl = 2 * math.pi / inv
            il = np.where(wl > lw, inv / f, inv)
            sm = (old / wl - lo) / (hi - lo)
            smoothed = (1 - sm) * il / f + sm * il
            med = ~(wl < hw) * ~(wl > lw)
            inv = np.where(med, smoothed, il)
        elif t != "default":
            raise ValueError(t)
    return inv

def softmax(s):
    s = s - s.max(-1, keepdims=True); e = np.exp(s); return e / e.sum(-1, keepdims=True)

def llama(cfg, W):
    H = cfg["hidden_size"]; nh = cfg["num_attention_heads"]; nkv = cfg.get("num_key_value_heads") or nh
    hd = cfg.get("head_dim") or H // nh
    mt = cfg["model_type"]
    T = len(tokens)
    inv = inv_freq(cfg, hd)
    pos = np.arange(T, dtype=np.float64)
    freqs = np.outer(pos, inv); emb = np.concatenate([freqs, freqs], -1)
    cos, sin = np.cos(emb), np.sin(emb)  # [T, hd]
    eps = cfg.get("rms_norm_eps", 1e-6)
    causal = np.tril(np.ones((T, T), bool))
    L = cfg["num_hidden_layers"]
    def window_for(i):
        if mt == "mistral":
            return cfg.get("sliding_window", 4096)
        if mt == "qwen2" and cfg.get("use_sliding_window"):
            sw = cfg.get("sliding_window", 4096)
            return sw if i >= cfg.get("max_window_layers", 28) else None
        return None
    def lin(x, name, bias):
        y = x @ W[name + ".weight"].T
        return y + W[name + ".bias"] if bias else y
    ab = cfg.get("attention_bias", False) if mt == "llama" else False
    qkvb = True if mt == "qwen2" else ab
    mb = cfg.get("mlp_bias", False) if mt == "llama" else False
    h = W["model.embed_tokens.weight"][tokens]
    for i in range(L):
        p = f"model.layers.{i}."
        x = rms(h, W[p + "input_layernorm.weight"], eps)
        q = lin(x, p + "self_attn.q_proj", qkvb).reshape(T, nh, hd).transpose(1, 0, 2)
        k = lin(x, p + "self_attn.k_proj", qkvb).reshape(T, nkv, hd).transpose(1, 0, 2)
        v = lin(x, p + "self_attn.v_proj", qkvb).reshape(T, nkv, hd).transpose(1, 0, 2)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        rep = nh // nkv
        k = np.repeat(k, rep, axis=0); v = np.repeat(v, rep, axis=0)  # repeat_kv: head h -> kv h // rep
        s = q @ k.transpose(0, 2, 1) * hd ** -0.5
        mask = causal.copy()
        w = window_for(i)
        if w is not None:
            qi = np.arange(T)[:, None]; kj = np.arange(T)[None, :]
            mask &= kj > qi - w
        s = np.where(mask, s, -np.inf)
        a = softmax(s) @ v  # [nh, T, hd]
        a = a.transpose(1, 0, 2).reshape(T, nh * hd)
        h = h + lin(a, p + "self_attn.o_proj", ab)
        x = rms(h, W[p + "post_attention_layernorm.weight"], eps)
        g = lin(x, p + "mlp.gate_proj", mb); u = lin(x, p + "mlp.up_proj", mb)
        h = h + lin(g / (1 + np.exp(-g)) * u, p + "mlp.down_proj", mb)
    h = rms(h, W["model.norm.weight"], eps)
    head = W["model.embed_tokens.weight"] if cfg.get("tie_word_embeddings", False) else W["lm_head.weight"]
    return h @ head.T

def gelu_new(x):
    return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * np.power(x, 3.0))))

def gpt2(cfg, W):
    pre = "transformer." if "transformer.wte.weight" in W else ""
    E = cfg["n_embd"]; nh = cfg["n_head"]; hd = E // nh; T = len(tokens); eps = cfg["layer_norm_epsilon"]
    h = W[pre + "wte.weight"][tokens] + W[pre + "wpe.weight"][np.arange(T)]
    causal = np.tril(np.ones((T, T), bool))
    for i in range(cfg["n_layer"]):
        p = f"{pre}h.{i}."
        x = ln(h, W[p + "ln_1.weight"], W[p + "ln_1.bias"], eps)
        qkv = x @ W[p + "attn.c_attn.weight"] + W[p + "attn.c_attn.bias"]
        q, k, v = np.split(qkv, 3, axis=-1)
        sh = lambda t: t.reshape(T, nh, hd).transpose(1, 0, 2)
        q, k, v = sh(q), sh(k), sh(v)
        s = q @ k.transpose(0, 2, 1) / (hd ** 0.5)
        s = np.where(causal, s, np.finfo(np.float64).min)
        a = (softmax(s) @ v).transpose(1, 0, 2).reshape(T, E)
        h = h + a @ W[p + "attn.c_proj.weight"] + W[p + "attn.c_proj.bias"]
        x = ln(h, W[p + "ln_2.weight"], W[p + "ln_2.bias"], eps)
        f = gelu_new(x @ W[p + "mlp.c_fc.weight"] + W[p + "mlp.c_fc.bias"])
        h = h + f @ W[p + "mlp.c_proj.weight"] + W[p + "mlp.c_proj.bias"]
    h = ln(h, W[pre + "ln_f.weight"], W[pre + "ln_f.bias"], eps)
    return h @ W[pre + "wte.weight"].T

results = {}
for name, entry in idx.items():
    if name == "tokens":
        continue
    cfg = entry["config"]; shapes = entry["tensors"]
    W = {n: load(n, name, shapes) for n in shapes}
    out = gpt2(cfg, W) if cfg["model_type"] == "gpt2" else llama(cfg, W)
    results[name] = out
    j = np.fromfile(os.path.join(name, "java_logits.f64"), dtype="<f8").reshape(out.shape)
    print(f"{name:11s} max|numpy - java| = {np.abs(out - j).max():.3e}   max|logit| = {np.abs(out).max():.3f}  std = {out.std():.3f}")

print("----- values for ReferenceCausalLmGoldenTest")
for name, out in results.items():
    vals = ", ".join(repr(float(v)) for v in out[-1, :4])
    print(f'  "{name}": last4 {{{vals}}}, mid {repr(float(out[20, 50]))}, sum {repr(float(out.sum()))}, sumsq {repr(float((out ** 2).sum()))}')
