package io.alignscope.lm.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CausalAttentionTest {

    @Test
    void softmaxWeightsByHand() {
        // one head, head_dim 1, scale 1. Position 1 query 2 sees keys {1, 3}: scores {2, 6},
        // weights {e^2, e^6} / (e^2 + e^6) = {1/(1+e^4), e^4/(1+e^4)}; values {10, 20}.
        double[][][] q = {{{5}}, {{2}}};
        double[][][] k = {{{1}}, {{3}}};
        double[][][] v = {{{10}}, {{20}}};
        double[][] out = CausalAttention.attend(q, k, v, 1.0, CausalAttention.NO_WINDOW);
        double w0 = 1.0 / (1.0 + Math.exp(4));
        assertArrayEquals(new double[] {10}, out[0], 1e-15); // position 0 sees only itself
        assertArrayEquals(new double[] {10 * w0 + 20 * (1 - w0)}, out[1], 1e-13);
        // scale 0.5 halves the scores: weights {1/(1+e^2), e^2/(1+e^2)}
        double[][] half = CausalAttention.attend(q, k, v, 0.5, CausalAttention.NO_WINDOW);
        double h0 = 1.0 / (1.0 + Math.exp(2));
        assertArrayEquals(new double[] {10 * h0 + 20 * (1 - h0)}, half[1], 1e-13);
    }

    @Test
    void groupedQueryHeadsShareKvHeads() {
        // 4 query heads, 2 kv heads: heads 0,1 read kv 0; heads 2,3 read kv 1. With a single position
        // the output of every head is its kv head's value.
        double[][][] q = {{{1}, {2}, {3}, {4}}};
        double[][][] k = {{{1}, {1}}};
        double[][][] v = {{{7}, {-5}}};
        double[][] out = CausalAttention.attend(q, k, v, 1.0, CausalAttention.NO_WINDOW);
        assertArrayEquals(new double[] {7, 7, -5, -5}, out[0], 0.0);
    }

    @Test
    void slidingWindowVisibility() {
        // transformers: visible iff key <= query and query - key < window
        assertTrue(CausalAttention.isVisible(5, 5, 4));
        assertTrue(CausalAttention.isVisible(5, 2, 4));
        assertFalse(CausalAttention.isVisible(5, 1, 4));
        assertFalse(CausalAttention.isVisible(5, 6, 4));
        assertTrue(CausalAttention.isVisible(5, 0, CausalAttention.NO_WINDOW));
        assertFalse(CausalAttention.isVisible(0, 1, CausalAttention.NO_WINDOW));
    }

    @Test
    void windowOfOneAttendsOnlyToSelf() {
        double[][][] q = {{{1}}, {{1}}, {{1}}};
        double[][][] k = {{{1}}, {{1}}, {{1}}};
        double[][][] v = {{{1}}, {{2}}, {{3}}};
        double[][] out = CausalAttention.attend(q, k, v, 1.0, 1);
        assertArrayEquals(new double[] {2}, out[1], 0.0);
        assertArrayEquals(new double[] {3}, out[2], 0.0);
        double[][] window2 = CausalAttention.attend(q, k, v, 1.0, 2);
        assertArrayEquals(new double[] {2.5}, window2[2], 1e-15); // equal scores: mean of 2 and 3
    }
}
