package io.alignscope.jobs.models;

import io.alignscope.lm.checkpoint.Checkpoint;
import io.alignscope.lm.checkpoint.CheckpointException;
import io.alignscope.lm.tiny.EmbeddedModels;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;

/**
 * Turns a model location into a local checkpoint folder. Local paths are used in place; embedded
 * models are extracted from the jar; anything on another Hadoop filesystem (s3a, hdfs, gs, ...) is
 * copied once per machine into the cache folder, under a file lock so concurrent tasks wait for
 * one copy, verified file by file against the remote sizes, and marked complete only then.
 */
public final class ModelStore {
  private static final String COMPLETE = ".alignscope-complete";
  private final Path cacheRoot;
  private final Configuration hadoop;

  /**
   * @param cacheDir the configured cache folder ("" = {@code <java.io.tmpdir>/alignscope-models})
   */
  public ModelStore(String cacheDir, Configuration hadoop) {
    this.cacheRoot = cacheDir == null || cacheDir.isBlank()
        ? Paths.get(System.getProperty("java.io.tmpdir"), "alignscope-models") : Paths.get(cacheDir);
    this.hadoop = hadoop;
  }

  /** Whether the location is on a filesystem other than the local one. */
  public static boolean isRemote(String location) {
    if (EmbeddedModels.isEmbedded(location)) {
      return false;
    }
    String scheme = URI.create(location.replace(" ", "%20")).getScheme();
    return scheme != null && !scheme.equals("file") && scheme.length() > 1;
  }

  /** A local folder with the whole checkpoint. */
  public Path localize(String location) {
    if (EmbeddedModels.isEmbedded(location)) {
      return EmbeddedModels.materialize(location, cacheRoot);
    }
    if (!isRemote(location)) {
      return localPath(location);
    }
    return copy(location, true);
  }

  /**
   * A local folder with only the files that describe the checkpoint (config, tokenizer), after
   * checking that the remote folder holds safetensors weights: what the driver needs to validate
   * a pair without downloading the weights.
   */
  public Path localizeMetadata(String location) {
    if (!isRemote(location)) {
      return localize(location);
    }
    return copy(location, false);
  }

  private static Path localPath(String location) {
    return location.startsWith("file:") ? Paths.get(URI.create(location)) : Paths.get(location);
  }

  private Path copy(String location, boolean withWeights) {
    List<String> metadataFiles = Checkpoint.metadataFiles();
    org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(location);
    Path target = cacheRoot.resolve("remote").resolve(hash(location) + (withWeights ? "" : "-metadata"));
    try {
      FileSystem fs = remote.getFileSystem(hadoop);
      if (!fs.exists(remote) || !fs.getFileStatus(remote).isDirectory()) {
        throw new CheckpointException("model folder " + location + " does not exist or is not a directory");
      }
      List<FileStatus> files = new ArrayList<>();
      boolean hasWeights = false;
      for (FileStatus status : fs.listStatus(remote)) {
        String name = status.getPath().getName();
        hasWeights |= name.endsWith(".safetensors");
        if (status.isFile() && (withWeights ? !name.startsWith(".") : metadataFiles.contains(name))) {
          files.add(status);
        }
      }
      if (!hasWeights) {
        throw new CheckpointException("model folder " + location + " has no *.safetensors weights");
      }
      Files.createDirectories(target);
      try (FileChannel channel = new RandomAccessFile(target.resolve(".lock").toFile(), "rw").getChannel()) {
        FileLock lock = channel.lock();
        try {
          copyOnce(fs, files, target, location);
        } finally {
          lock.release();
        }
      }
      return target;
    } catch (IOException e) {
      throw new CheckpointException("cannot copy model " + location + " to " + target + ": " + e.getMessage(), e);
    }
  }

  /** Copies and verifies the files unless an earlier copy completed. */
  private void copyOnce(FileSystem fs, List<FileStatus> files, Path target, String location) throws IOException {
    if (Files.exists(target.resolve(COMPLETE))) {
      return;
    }
    for (FileStatus f : files) {
      Path local = target.resolve(f.getPath().getName());
      if (!Files.exists(local) || Files.size(local) != f.getLen()) {
        FileUtil.copy(fs, f.getPath(), local.toFile(), false, hadoop);
      }
      if (Files.size(local) != f.getLen()) {
        throw new CheckpointException("copy of " + f.getPath() + " has " + Files.size(local)
            + " bytes, expected " + f.getLen());
      }
    }
    Files.writeString(target.resolve(COMPLETE), location);
  }


  private static String hash(String location) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(location.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
