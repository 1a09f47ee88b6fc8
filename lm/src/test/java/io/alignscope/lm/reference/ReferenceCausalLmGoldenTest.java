package io.alignscope.lm.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the reference's logits on the {@link GoldenCases} (40 tokens, every tiny config) to values
 * computed by {@code numpy_crosscheck.py}, an independent numpy transcription of transformers'
 * forward passes that agrees with this reference to about 1e-14 on every logit. Catches wiring slips
 * (a norm weight used in the wrong place, a default misread) that the structural tests cannot see.
 */
class ReferenceCausalLmGoldenTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("llama", new double[] {0.0748379545649022, 0.19237275408356566, 0.0017768871789136183, -1.2072957546798622},
                        -0.10805350888327138, 124.15090983064586, 4039.299522097168),
                Arguments.of("llama3", new double[] {0.018165679631800127, 0.5192839441593147, 0.13919533029584397, -0.33689188343867493},
                        0.590394378037837, 100.92380187879874, 4007.7294364876575),
                Arguments.of("linear", new double[] {0.2460367219707676, 0.4412352973395664, 0.5336914815704576, -0.9365354535698887},
                        0.15960965293431814, 133.30793458047685, 3941.710955794304),
                Arguments.of("headdim", new double[] {-0.1705612985166285, -1.0931772240615791, 0.3076261540156994, 0.5069956093414066},
                        -1.303622014967157, -619.3059911996584, 3783.4646324458477),
                Arguments.of("mistral", new double[] {-0.01419101572279147, -0.4940946823862162, 1.196446755787282, 0.3300998479564125},
                        1.4489483913986683, 108.67146711992129, 4128.921680924187),
                Arguments.of("qwen2", new double[] {-0.8735425419599631, -0.36198368477645115, -0.48396552706785534, -0.1347414743134234},
                        -0.26451661453772124, 260.6063418418425, 4108.903131909004),
                Arguments.of("qwen2sw", new double[] {-0.22345596574325535, -0.595657534508426, -0.08483663106521352, -0.8537677531276529},
                        0.06451053344640097, 166.86269942438412, 4117.72882794304),
                Arguments.of("llamabias", new double[] {-0.7070655090162633, -0.49779057295106227, 0.23927443192097764, -0.9011128200268731},
                        -0.35206215603971897, 217.94036582836662, 3922.807394032271),
                Arguments.of("gpt2", new double[] {-0.005411975389554043, 1.6663826351349302, 1.9308680602956865, 1.3638666981205696},
                        -1.0722078249218605, -320.2666487485518, 3806.787448713257),
                Arguments.of("gpt2prefix", new double[] {-0.690133075336176, 1.7190247997433312, 0.752153932454028, 1.0582862732077774},
                        0.11057859899962189, 489.3022013944625, 3696.501531893175));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesNumpyTranscription(String name, double[] lastFour, double mid, double sum, double sumOfSquares) {
        double[][] logits = GoldenCases.checkpoint(name).reference().logits(GoldenCases.tokens());
        assertEquals(40, logits.length);
        assertArrayEquals(lastFour, Arrays.copyOf(logits[39], 4), 1e-10, "last position, first four logits");
        assertEquals(mid, logits[20][50], 1e-10, "logits[20][50]");
        assertEquals(sum, Arrays.stream(logits).flatMapToDouble(Arrays::stream).sum(), 1e-8, "sum");
        assertEquals(sumOfSquares, Arrays.stream(logits).flatMapToDouble(Arrays::stream).map(v -> v * v).sum(), 1e-8,
                "sum of squares");
    }
}
