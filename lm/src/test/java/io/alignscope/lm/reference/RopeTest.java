package io.alignscope.lm.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class RopeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void rotationAtPositionOneByHand() {
        // head_dim 4, theta 10000: inv_freq = {1, 10000^(-2/4)} = {1, 0.01}; at position 1 the angles of
        // cat(freqs, freqs) are {1, 0.01, 1, 0.01}. rotate_half({1,2,3,4}) = {-3,-4,1,2}, so
        // out = {1 cos1 - 3 sin1, 2 cos.01 - 4 sin.01, 3 cos1 + 1 sin1, 4 cos.01 + 2 sin.01}
        // with cos1 = 0.5403023058681398, sin1 = 0.8414709848078965,
        // cos.01 = 0.9999500004166653, sin.01 = 0.009999833334166664.
        double[] inv = RopeConfig.unscaled(10000).inverseFrequencies(4);
        assertArrayEquals(new double[] {1.0, 0.01}, inv, 1e-17);
        double[] out = new RotaryEmbedding(inv).rotate(new double[] {1, 2, 3, 4}, 1);
        assertArrayEquals(new double[] {-1.9841106485555495, 1.959900667496664, 2.4623779024123156, 4.019799668334994},
                out, 1e-15);
    }

    @Test
    void positionZeroIsIdentityAndScoresDependOnRelativePosition() {
        RotaryEmbedding rope = new RotaryEmbedding(RopeConfig.unscaled(10000).inverseFrequencies(8));
        double[] q = {0.3, -1.2, 0.5, 2.0, -0.7, 0.1, 1.1, -0.4};
        double[] k = {1.0, 0.2, -0.3, 0.8, 0.6, -1.5, 0.9, 0.05};
        assertArrayEquals(q, rope.rotate(q, 0), 0.0);
        double d73 = dot(rope.rotate(q, 7), rope.rotate(k, 3));
        double d40 = dot(rope.rotate(q, 4), rope.rotate(k, 0));
        assertEquals(d40, d73, 1e-12);
    }

    @Test
    void defaultAndLinearInverseFrequencies() {
        // 1 / 10000^(2j/8) for j = 0..3
        assertArrayEquals(new double[] {1, 0.1, 0.01, 0.001}, RopeConfig.unscaled(10000).inverseFrequencies(8), 1e-17);
        assertArrayEquals(new double[] {0.5, 0.05, 0.005, 0.0005}, RopeConfig.linear(10000, 2).inverseFrequencies(8), 1e-17);
        assertThrows(IllegalArgumentException.class, () -> RopeConfig.unscaled(10000).inverseFrequencies(7));
    }

    @Test
    void llama3ScalingHitsAllThreeBranches() {
        // head_dim 8, theta 100: inv_freq = 100^(-j/4) = {1, 0.31622776601683794, 0.1, 0.03162277660168379};
        // wavelen = 2 pi / inv_freq = {6.283, 19.869, 62.832, 198.692}.
        // original 32, low 1, high 4: high-frequency wavelen bound 32/4 = 8, low-frequency bound 32/1 = 32.
        //   j=0: 6.283 < 8 -> kept: 1
        //   j=1: 8 <= 19.869 <= 32 -> smooth = (32/19.869176531592203 - 1) / (4 - 1) = 0.20351159578119504,
        //        (1 - smooth) * 0.316.../8 + smooth * 0.316... = 0.09583998588296266
        //   j=2, 3: > 32 -> divided by factor 8: 0.0125, 0.003952847075210474
        // (numbers computed with numpy)
        double[] inv = RopeConfig.llama3(100, 8, 1, 4, 32).inverseFrequencies(8);
        assertArrayEquals(new double[] {1.0, 0.09583998588296266, 0.0125, 0.003952847075210474}, inv, 1e-16);
    }

    @Test
    void tinyLlama3ConfigScalesEveryFrequency() {
        // theta 10000, head_dim 8: wavelen = 2 pi {1, 10, 100, 1000}; bounds 16/4 = 4 and 16/1 = 16.
        // j=0 (6.283) is interpolated: smooth = (16 / 2pi - 1) / 3 = 0.5154930298234418,
        // (1 - smooth) / 8 + smooth = 0.5760564010955116; j=1..3 are divided by 8.
        RopeConfig rope = RopeConfig.fromConfig(TinyConfigs.tinyLlamaLlama3Rope());
        assertEquals(RopeConfig.Type.LLAMA3, rope.type());
        assertArrayEquals(new double[] {0.5760564010955116, 0.0125, 0.00125, 0.000125}, rope.inverseFrequencies(8), 1e-16);
    }

    @Test
    void parsesRopeScalingVariants() {
        assertEquals(RopeConfig.unscaled(10000), RopeConfig.fromConfig(TinyConfigs.tinyLlama()));
        assertEquals(RopeConfig.linear(10000, 2), RopeConfig.fromConfig(TinyConfigs.tinyLlamaLinearRope()));
        assertEquals(1000000.0, RopeConfig.fromConfig(TinyConfigs.tinyQwen2()).theta());

        ObjectNode absent = TinyConfigs.tinyLlama();
        absent.remove("rope_scaling");
        absent.remove("rope_theta");
        assertEquals(RopeConfig.unscaled(10000), RopeConfig.fromConfig(absent));

        ObjectNode explicitDefault = TinyConfigs.tinyLlama();
        explicitDefault.putObject("rope_scaling").put("rope_type", "default");
        assertEquals(RopeConfig.unscaled(10000), RopeConfig.fromConfig(explicitDefault));

        // rope_type wins over the legacy key
        ObjectNode both = TinyConfigs.tinyLlamaLinearRope();
        ((ObjectNode) both.get("rope_scaling")).put("rope_type", "linear").put("type", "dynamic");
        assertEquals(RopeConfig.linear(10000, 2), RopeConfig.fromConfig(both));

        // transformers v5 keeps theta and type together
        ObjectNode v5 = MAPPER.createObjectNode();
        v5.putObject("rope_parameters").put("rope_type", "linear").put("factor", 4.0).put("rope_theta", 500000.0);
        assertEquals(RopeConfig.linear(500000, 4), RopeConfig.fromConfig(v5));
    }

    @Test
    void rejectsUnsupportedOrIncompleteScaling() {
        for (String type : new String[] {"dynamic", "yarn", "longrope", "su"}) {
            ObjectNode c = TinyConfigs.tinyLlama();
            c.putObject("rope_scaling").put("rope_type", type).put("factor", 2.0);
            assertThrows(IllegalArgumentException.class, () -> RopeConfig.fromConfig(c), type);
        }
        ObjectNode noFactor = TinyConfigs.tinyLlama();
        noFactor.putObject("rope_scaling").put("rope_type", "linear");
        assertThrows(IllegalArgumentException.class, () -> RopeConfig.fromConfig(noFactor));
        ObjectNode noType = TinyConfigs.tinyLlama();
        noType.putObject("rope_scaling").put("factor", 2.0);
        assertThrows(IllegalArgumentException.class, () -> RopeConfig.fromConfig(noType));
        ObjectNode llama3Incomplete = TinyConfigs.tinyLlama();
        llama3Incomplete.putObject("rope_scaling").put("rope_type", "llama3").put("factor", 8.0);
        assertThrows(IllegalArgumentException.class, () -> RopeConfig.fromConfig(llama3Incomplete));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
