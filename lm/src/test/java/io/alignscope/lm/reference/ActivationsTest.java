package io.alignscope.lm.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ActivationsTest {

    @Test
    void geluNewAtKnownPoints() {
        // 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))), evaluated with numpy
        assertEquals(0.0, Activations.geluNew(0.0), 0.0);
        assertEquals(0.8411919906082768, Activations.geluNew(1.0), 1e-15);
        assertEquals(-0.1588080093917233, Activations.geluNew(-1.0), 1e-15);
        assertEquals(1.954597694087775, Activations.geluNew(2.0), 1e-15);
        assertEquals(-0.0036373920817729943, Activations.geluNew(-3.0), 1e-16);
        assertEquals(0.34571400982514394, Activations.geluNew(0.5), 1e-15);
        // x = 1 by hand: sqrt(2/pi) * 1.044715 = 0.833562...; tanh = 0.682383...; 0.5 * 1.682383... = 0.841191...
        assertEquals(0.5 * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * 1.044715)), Activations.geluNew(1.0), 1e-15);
    }

    @Test
    void exactGeluAndSilu() {
        // 0.5 x (1 + erf(x / sqrt 2)), from Python's math.erf
        assertEquals(0.8413447460685429, Activations.gelu(1.0), 1e-15);
        assertEquals(-0.15865525393145707, Activations.gelu(-1.0), 1e-15);
        assertEquals(1.9544997361036416, Activations.gelu(2.0), 1e-15);
        assertEquals(0.34573123063700656, Activations.gelu(0.5), 1e-15);
        assertEquals(0.7310585786300049, Activations.silu(1.0), 1e-15);
        assertEquals(-0.2689414213699951, Activations.silu(-1.0), 1e-15);
        assertEquals(1.7615941559557646, Activations.silu(2.0), 1e-15);
    }

    @Test
    void erfMatchesKnownValues() {
        assertEquals(0.0, Activations.erf(0.0), 0.0);
        assertEquals(0.8427007929497149, Activations.erf(1.0), 1e-15);
        assertEquals(-0.9953222650189527, Activations.erf(-2.0), 1e-15);
        assertEquals(0.9999779095030014, Activations.erf(3.0), 1e-15);
        assertEquals(1.0, Activations.erf(7.0), 0.0);
    }

    @Test
    void namesFollowAct2Fn() {
        assertEquals(Activations.silu(0.7), Activations.forName("silu").applyAsDouble(0.7), 0.0);
        assertEquals(Activations.geluNew(0.7), Activations.forName("gelu_new").applyAsDouble(0.7), 0.0);
        assertEquals(Activations.geluNew(0.7), Activations.forName("gelu_pytorch_tanh").applyAsDouble(0.7), 0.0);
        assertEquals(Activations.gelu(0.7), Activations.forName("gelu").applyAsDouble(0.7), 0.0);
        assertThrows(IllegalArgumentException.class, () -> Activations.forName("mish"));
    }
}
