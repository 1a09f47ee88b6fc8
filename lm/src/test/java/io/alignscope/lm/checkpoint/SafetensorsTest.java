package io.alignscope.lm.checkpoint;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
  @TempDir Path dir;

  private static Map<String, FloatTensor> tensors() {
    Map<String, FloatTensor> t = new LinkedHashMap<>();
    t.put("a", FloatTensor.of(new float[] {1f, -2f, 0.5f, 3.25f, 0f, -0.125f}, 2, 3));
    t.put("b", FloatTensor.of(new float[] {7f}, 1));
    return t;
  }

  @Test
  void roundTripsFloat32Exactly() throws Exception {
    Path file = dir.resolve("x.safetensors");
    SafetensorsWriter.write(file, tensors(), TensorDType.F32, Map.of("format", "pt"));
    SafetensorsFile st = SafetensorsFile.open(file);
    assertEquals("pt", st.metadata().get("format"));
    TensorInfo a = st.tensors().get("a");
    assertArrayEquals(new long[] {2, 3}, a.shape());
    assertEquals(24, a.length());
    assertArrayEquals(tensors().get("a").data(), SafetensorsFile.readFloat32(a).data());
  }

  @Test
  void halfPrecisionValuesThatAreRepresentableSurviveExactly() throws Exception {
    for (TensorDType dtype : new TensorDType[] {TensorDType.F16, TensorDType.BF16}) {
      Path file = dir.resolve(dtype + ".safetensors");
      SafetensorsWriter.write(file, tensors(), dtype, Map.of());
      TensorInfo a = SafetensorsFile.open(file).tensors().get("a");
      assertEquals(dtype, a.dtype());
      assertEquals(12, a.length());
      assertArrayEquals(tensors().get("a").data(), SafetensorsFile.readFloat32(a).data(), dtype.name());
    }
  }

  @Test
  void headerIsPaddedToEightBytesAndOffsetsAreAbsolute() throws Exception {
    Path file = dir.resolve("x.safetensors");
    SafetensorsWriter.write(file, tensors(), TensorDType.F32, Map.of());
    byte[] bytes = Files.readAllBytes(file);
    long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertEquals(0, headerLength % 8);
    TensorInfo b = SafetensorsFile.open(file).tensors().get("b");
    assertEquals(8 + headerLength + 24, b.offset());
    assertEquals(7f, ByteBuffer.wrap(bytes, (int) b.offset(), 4).order(ByteOrder.LITTLE_ENDIAN).getFloat());
  }

  @Test
  void rejectsTruncatedAndInconsistentFiles() throws Exception {
    Path junk = dir.resolve("junk.safetensors");
    Files.write(junk, new byte[] {1, 2, 3});
    assertThrows(CheckpointException.class, () -> SafetensorsFile.open(junk));

    String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,12]}}";
    ByteBuffer buf = ByteBuffer.allocate(8 + header.length() + 12).order(ByteOrder.LITTLE_ENDIAN);
    buf.putLong(header.length()).put(header.getBytes(StandardCharsets.UTF_8));
    Path bad = dir.resolve("bad.safetensors");
    Files.write(bad, buf.array());
    CheckpointException e = assertThrows(CheckpointException.class, () -> SafetensorsFile.open(bad));
    assertTrue(e.getMessage().contains("inconsistent data_offsets"), e.getMessage());
  }

  @Test
  void unknownDtypeIsNamed() {
    CheckpointException e = assertThrows(CheckpointException.class, () -> TensorDType.fromSafetensors("F8_E4M3"));
    assertTrue(e.getMessage().contains("F8_E4M3"));
  }
}
