package io.alignscope.lm.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the header and tensors of one {@code .safetensors} file.
 *
 * <p>Format: an 8-byte little-endian header length N, N bytes of JSON mapping tensor names to
 * {@code dtype}, {@code shape} and {@code data_offsets} (relative to the end of the header), then
 * the data. Tensors are read by mapping their byte range, so a file is never loaded whole.
 */
public final class SafetensorsFile {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_HEADER_BYTES = 100L << 20;

  private final Path path;
  private final Map<String, TensorInfo> tensors;
  private final Map<String, String> metadata;

  private SafetensorsFile(Path path, Map<String, TensorInfo> tensors, Map<String, String> metadata) {
    this.path = path;
    this.tensors = tensors;
    this.metadata = metadata;
  }

  /** Parses the header of {@code path}; tensor data is read later, on demand. */
  public static SafetensorsFile open(Path path) {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long fileSize = channel.size();
      ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(channel, lengthBytes, 0);
      long headerLength = lengthBytes.flip().getLong();
      if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || 8 + headerLength > fileSize) {
        throw new CheckpointException(
            path + " is not a safetensors file (header length " + headerLength + ")");
      }
      ByteBuffer header = ByteBuffer.allocate((int) headerLength);
      readFully(channel, header, 8);
      JsonNode root = JSON.readTree(new String(header.array(), StandardCharsets.UTF_8));
      return parse(path, root, 8 + headerLength, fileSize);
    } catch (IOException e) {
      throw new CheckpointException("cannot read safetensors file " + path + ": " + e.getMessage(), e);
    }
  }

  private static SafetensorsFile parse(Path path, JsonNode root, long dataStart, long fileSize) {
    Map<String, TensorInfo> tensors = new LinkedHashMap<>();
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getKey().equals("__metadata__")) {
        field.getValue().fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
        continue;
      }
      JsonNode node = field.getValue();
      TensorDType dtype = TensorDType.fromSafetensors(node.path("dtype").asText());
      JsonNode shapeNode = node.path("shape");
      long[] shape = new long[shapeNode.size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = shapeNode.get(i).asLong();
      }
      long begin = node.path("data_offsets").path(0).asLong(-1);
      long end = node.path("data_offsets").path(1).asLong(-1);
      TensorInfo info = new TensorInfo(field.getKey(), path, dtype, shape, dataStart + begin, end - begin);
      if (begin < 0 || end < begin || dataStart + end > fileSize
          || info.elementCount() * dtype.bytes() != end - begin) {
        throw new CheckpointException(
            path + ": tensor " + info + " has inconsistent data_offsets [" + begin + ", " + end + "]");
      }
      tensors.put(field.getKey(), info);
    }
    return new SafetensorsFile(path, Collections.unmodifiableMap(tensors), Collections.unmodifiableMap(metadata));
  }

  /** The file this header came from. */
  public Path path() {
    return path;
  }

  /** Tensor descriptors by name, in header order. */
  public Map<String, TensorInfo> tensors() {
    return tensors;
  }

  /** The optional {@code __metadata__} string map. */
  public Map<String, String> metadata() {
    return metadata;
  }

  /**
   * Reads a floating-point tensor widened to float32. bf16 and fp16 are widened exactly, which is
   * also how bf16 checkpoints are run on CPU (libtorch's bf16 CPU path is not relied upon).
   */
  public static FloatTensor readFloat32(TensorInfo info) {
    if (!info.dtype().isFloating()) {
      throw new CheckpointException("tensor " + info + " is not floating point");
    }
    long count = info.elementCount();
    if (count > Integer.MAX_VALUE - 8) {
      throw new CheckpointException("tensor " + info + " is too large to widen in one array");
    }
    float[] out = new float[(int) count];
    try (FileChannel channel = FileChannel.open(info.file(), StandardOpenOption.READ)) {
      long done = 0;
      // Map in chunks below 2 GiB; each chunk holds whole elements.
      long chunkElements = (1L << 30) / info.dtype().bytes();
      while (done < count) {
        long n = Math.min(chunkElements, count - done);
        ByteBuffer buf = channel.map(FileChannel.MapMode.READ_ONLY,
            info.offset() + done * info.dtype().bytes(), n * info.dtype().bytes());
        buf.order(ByteOrder.LITTLE_ENDIAN);
        widen(info.dtype(), buf, out, (int) done, (int) n);
        done += n;
      }
    } catch (IOException e) {
      throw new CheckpointException("cannot read tensor " + info + ": " + e.getMessage(), e);
    }
    return new FloatTensor(info.shape().clone(), out);
  }

  private static void widen(TensorDType dtype, ByteBuffer buf, float[] out, int at, int n) {
    switch (dtype) {
      case F32 -> buf.asFloatBuffer().get(out, at, n);
      case F64 -> {
        for (int i = 0; i < n; i++) {
          out[at + i] = (float) buf.getDouble();
        }
      }
      case BF16 -> {
        for (int i = 0; i < n; i++) {
          out[at + i] = HalfFloats.bf16ToFloat(buf.getShort());
        }
      }
      case F16 -> {
        for (int i = 0; i < n; i++) {
          out[at + i] = HalfFloats.fp16ToFloat(buf.getShort());
        }
      }
      default -> throw new IllegalStateException("not floating: " + dtype);
    }
  }

  private static void readFully(FileChannel channel, ByteBuffer buf, long position) throws IOException {
    long at = position;
    while (buf.hasRemaining()) {
      int n = channel.read(buf, at);
      if (n < 0) {
        throw new IOException("unexpected end of file");
      }
      at += n;
    }
  }
}
