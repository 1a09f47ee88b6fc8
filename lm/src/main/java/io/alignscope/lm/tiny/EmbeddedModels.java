package io.alignscope.lm.tiny;

import io.alignscope.lm.checkpoint.CheckpointException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The tiny base/aligned model pair shipped on the classpath, written out to a local folder on
 * first use so it can be opened like any checkpoint. Each model folder's {@code files.txt} lists
 * {@code sha256 size name} per file; extraction verifies every file and is atomic, so concurrent
 * tasks on one machine share one copy.
 */
public final class EmbeddedModels {
  /** Location prefix naming an embedded model, e.g. "embedded:tiny-base". */
  public static final String PREFIX = "embedded:";
  public static final String BASE = "tiny-base";
  public static final String ALIGNED = "tiny-aligned";
  static final String RESOURCE_ROOT = "/io/alignscope/lm/tiny/models/";
  static final String LISTING = "files.txt";

  private EmbeddedModels() {}

  /** Whether a model location names an embedded model. */
  public static boolean isEmbedded(String location) {
    return location.startsWith(PREFIX);
  }

  /** The names that can follow {@link #PREFIX}. */
  public static List<String> names() {
    return List.of(BASE, ALIGNED);
  }

  /**
   * Writes the embedded model {@code location} (e.g. "embedded:tiny-base") under {@code cacheRoot}
   * unless a verified copy is already there, and returns its folder.
   */
  public static Path materialize(String location, Path cacheRoot) {
    String name = location.substring(PREFIX.length());
    String listing = resourceText(name, LISTING);
    Path target = cacheRoot.resolve("embedded").resolve(name + "-" + sha256(listing).substring(0, 12));
    if (Files.isRegularFile(target.resolve(LISTING))) {
      return target;
    }
    try {
      Files.createDirectories(target.getParent());
      Path staging = Files.createTempDirectory(target.getParent(), name + ".tmp");
      for (String line : listing.split("\n")) {
        if (!line.isBlank()) {
          extract(name, line.trim().split(" ", 3), staging);
        }
      }
      Files.writeString(staging.resolve(LISTING), listing);
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
        // Another task finished first; its copy is verified too.
        deleteTree(staging);
      }
      return target;
    } catch (IOException e) {
      throw new CheckpointException("cannot write embedded model " + name + " to " + cacheRoot + ": " + e.getMessage(), e);
    }
  }

  private static void extract(String model, String[] entry, Path folder) throws IOException {
    String expectedSha = entry[0];
    long expectedSize = Long.parseLong(entry[1]);
    String file = entry[2];
    MessageDigest sha = digest();
    try (InputStream in = new DigestInputStream(open(model, file), sha)) {
      Files.copy(in, folder.resolve(file));
    }
    long size = Files.size(folder.resolve(file));
    String actual = HexFormat.of().formatHex(sha.digest());
    if (size != expectedSize || !actual.equals(expectedSha)) {
      throw new CheckpointException("embedded model " + model + ": " + file + " is corrupt (size " + size
          + ", sha256 " + actual + "; expected " + expectedSize + ", " + expectedSha + ")");
    }
  }

  /** Writes the listing of a model folder (used by the builder). */
  static void writeListing(Path folder) throws IOException {
    List<String> lines = new ArrayList<>();
    try (var files = Files.list(folder)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        if (!f.getFileName().toString().equals(LISTING)) {
          lines.add(sha256(Files.readAllBytes(f)) + " " + Files.size(f) + " " + f.getFileName());
        }
      }
    }
    Files.writeString(folder.resolve(LISTING), String.join("\n", lines) + "\n");
  }

  private static InputStream open(String model, String file) {
    InputStream in = EmbeddedModels.class.getResourceAsStream(RESOURCE_ROOT + model + "/" + file);
    if (in == null) {
      throw new CheckpointException("no embedded model '" + model + "' (file " + file + " missing); embedded models: "
          + String.join(", ", names()));
    }
    return in;
  }

  private static String resourceText(String model, String file) {
    try (InputStream in = open(model, file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CheckpointException("cannot read embedded model " + model + ": " + e.getMessage(), e);
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  private static void deleteTree(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
