package io.alignscope.jobs.cli;

import io.alignscope.jobs.config.ConfigException;
import io.alignscope.jobs.config.ConfigLoader;
import io.alignscope.jobs.config.JobConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import picocli.CommandLine.Option;

/** The configuration options every command shares: files and overrides. */
final class ConfigOptions {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "HOCON configuration file (local path, classpath:NAME, or any Hadoop URI such as s3a://...); "
          + "repeatable, later files override earlier ones")
  List<String> files = new ArrayList<>();

  @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
      description = "override one key, e.g. --set bf.samples=20 (highest precedence); repeatable")
  List<String> overrides = new ArrayList<>();

  /** Loads and validates the configuration. */
  JobConfig load() {
    List<Map.Entry<String, String>> texts = new ArrayList<>();
    for (String file : files) {
      texts.add(Map.entry(file, read(file)));
    }
    return ConfigLoader.load(texts, overrides);
  }

  /** Hadoop settings as Spark would pass them (spark.hadoop.* from spark-submit), e.g. s3a endpoints. */
  private static Configuration hadoopConfiguration() {
    Configuration conf = new Configuration();
    for (scala.Tuple2<String, String> kv : new SparkConf().getAllWithPrefix("spark.hadoop.")) {
      conf.set(kv._1(), kv._2());
    }
    return conf;
  }

  private static String read(String location) {
    try {
      if (location.startsWith("classpath:")) {
        try (InputStream in = ConfigOptions.class.getResourceAsStream("/" + location.substring("classpath:".length()))) {
          if (in == null) {
            throw new ConfigException("--config " + location + ": no such resource on the classpath");
          }
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      Path path = new Path(location);
      FileSystem fs = path.getFileSystem(hadoopConfiguration());
      if (!fs.exists(path)) {
        throw new ConfigException("--config " + location + ": file not found");
      }
      try (InputStream in = fs.open(path)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new ConfigException("--config " + location + ": " + e.getMessage());
    }
  }
}
