package io.alignscope.lm.reference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Read-only typed access to a Hugging Face {@code config.json}, with the defaulting rule that
 * transformers' config classes apply: a key that is absent takes the class default, while a key
 * explicitly set to JSON {@code null} is "None" (see {@link #isExplicitNull}).
 */
final class ConfigView {

    private final JsonNode root;

    ConfigView(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("config must be a JSON object");
        }
        this.root = root;
    }

    JsonNode root() {
        return root;
    }

    /** True when the key is present with a non-null value. */
    boolean has(String key) {
        JsonNode n = root.get(key);
        return n != null && !n.isNull();
    }

    /** True when the key is present and set to JSON null. */
    boolean isExplicitNull(String key) {
        JsonNode n = root.get(key);
        return n != null && n.isNull();
    }

    /** The value node, or null when absent or JSON null. */
    JsonNode node(String key) {
        return has(key) ? root.get(key) : null;
    }

    String string(String key, String dflt) {
        return has(key) ? root.get(key).asText() : dflt;
    }

    String requireString(String key) {
        if (!has(key)) {
            throw new IllegalArgumentException("config is missing \"" + key + "\"");
        }
        return root.get(key).asText();
    }

    int requireInt(String key) {
        if (!has(key)) {
            throw new IllegalArgumentException("config is missing \"" + key + "\"");
        }
        return toInt(key, root.get(key));
    }

    int intOr(String key, int dflt) {
        return has(key) ? toInt(key, root.get(key)) : dflt;
    }

    double doubleOr(String key, double dflt) {
        if (!has(key)) {
            return dflt;
        }
        JsonNode n = root.get(key);
        if (!n.isNumber()) {
            throw new IllegalArgumentException("config \"" + key + "\" is not a number: " + n);
        }
        return n.asDouble();
    }

    boolean boolOr(String key, boolean dflt) {
        if (!has(key)) {
            return dflt;
        }
        JsonNode n = root.get(key);
        if (!n.isBoolean()) {
            throw new IllegalArgumentException("config \"" + key + "\" is not a boolean: " + n);
        }
        return n.asBoolean();
    }

    private static int toInt(String key, JsonNode n) {
        if (!n.isNumber() || n.asDouble() != Math.rint(n.asDouble())) {
            throw new IllegalArgumentException("config \"" + key + "\" is not an integer: " + n);
        }
        return n.asInt();
    }
}
