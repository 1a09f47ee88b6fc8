package io.alignscope.lm.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * Not a test: writes the {@link GoldenCases} (configs, float32 tensors, and the reference's logits)
 * into a directory for {@code numpy_crosscheck.py}, an independent numpy transcription of the
 * transformers forward passes. Usage: {@code java -cp <test classpath> io.alignscope.lm.reference.GoldenDump DIR}.
 */
final class GoldenDump {

    private GoldenDump() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Paths.get(args.length > 0 ? args[0] : "golden");
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode index = mapper.createObjectNode();
        int[] tokens = GoldenCases.tokens();
        for (Map.Entry<String, JsonNode> e : GoldenCases.configs().entrySet()) {
            RandomCheckpoint ckpt = GoldenCases.checkpoint(e.getKey());
            Path dir = Files.createDirectories(root.resolve(e.getKey()));
            ObjectNode entry = index.putObject(e.getKey());
            entry.set("config", e.getValue());
            ObjectNode tensors = entry.putObject("tensors");
            Map<String, long[]> shapes = ckpt.shapes();
            for (Map.Entry<String, float[]> w : ckpt.weights().entrySet()) {
                ByteBuffer bb = ByteBuffer.allocate(w.getValue().length * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (float f : w.getValue()) {
                    bb.putFloat(f);
                }
                Files.write(dir.resolve(w.getKey() + ".bin"), bb.array());
                ArrayNode shape = tensors.putArray(w.getKey());
                for (long d : shapes.get(w.getKey())) {
                    shape.add(d);
                }
            }
            double[][] logits = ckpt.reference().logits(tokens);
            ByteBuffer bb = ByteBuffer.allocate(logits.length * logits[0].length * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (double[] row : logits) {
                for (double d : row) {
                    bb.putDouble(d);
                }
            }
            Files.write(dir.resolve("java_logits.f64"), bb.array());
        }
        ArrayNode t = index.putArray("tokens");
        for (int x : tokens) {
            t.add(x);
        }
        mapper.writerWithDefaultPrettyPrinter().writeValue(root.resolve("index.json").toFile(), index);
    }
}
