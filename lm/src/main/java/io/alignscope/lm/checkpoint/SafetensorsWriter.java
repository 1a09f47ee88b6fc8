package io.alignscope.lm.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.BufferedOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes float tensors to a {@code .safetensors} file in F32, F16 or BF16, in the layout Hugging
 * Face writes (header padded with spaces to a multiple of 8 bytes).
 */
public final class SafetensorsWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SafetensorsWriter() {}

  /**
   * Writes {@code tensors} (in map iteration order) to {@code path}, converting every value to
   * {@code dtype}.
   */
  public static void write(
      Path path, Map<String, FloatTensor> tensors, TensorDType dtype, Map<String, String> metadata)
      throws IOException {
    if (dtype != TensorDType.F32 && dtype != TensorDType.F16 && dtype != TensorDType.BF16) {
      throw new IllegalArgumentException("can only write F32, F16 or BF16, not " + dtype);
    }
    ObjectNode header = JSON.createObjectNode();
    if (!metadata.isEmpty()) {
      ObjectNode meta = header.putObject("__metadata__");
      metadata.forEach(meta::put);
    }
    long offset = 0;
    for (Map.Entry<String, FloatTensor> e : tensors.entrySet()) {
      long bytes = (long) e.getValue().data().length * dtype.bytes();
      ObjectNode node = header.putObject(e.getKey());
      node.put("dtype", dtype.name());
      var shape = node.putArray("shape");
      for (long d : e.getValue().shape()) {
        shape.add(d);
      }
      node.putArray("data_offsets").add(offset).add(offset + bytes);
      offset += bytes;
    }
    byte[] headerBytes = JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
    int padded = (headerBytes.length + 7) / 8 * 8;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 20)) {
      ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
      out.write(len.array());
      out.write(headerBytes);
      for (int i = headerBytes.length; i < padded; i++) {
        out.write(' ');
      }
      for (FloatTensor t : tensors.values()) {
        out.write(encode(t.data(), dtype));
      }
    }
  }

  private static byte[] encode(float[] values, TensorDType dtype) {
    ByteBuffer buf = ByteBuffer.allocate(values.length * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      switch (dtype) {
        case F32 -> buf.putFloat(v);
        case BF16 -> buf.putShort(HalfFloats.floatToBf16(v));
        case F16 -> buf.putShort(HalfFloats.floatToFp16(v));
        default -> throw new IllegalStateException();
      }
    }
    return buf.array();
  }
}
