package io.alignscope.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Collects named measurements, prints them as a table and writes them as JSON. */
final class BenchReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final String name;
  private final ObjectNode root = JSON.createObjectNode();

  BenchReport(String name) {
    this.name = name;
    root.put("benchmark", name);
    root.put("cores", Runtime.getRuntime().availableProcessors());
    root.put("java", System.getProperty("java.version"));
  }

  /** Records a measurement and prints it. */
  void put(String key, double value, String unit) {
    root.putObject(key).put("value", value).put("unit", unit);
    System.out.printf("%-58s %14.2f %s%n", key, value, unit);
  }

  /** Records a note (a setting or a caveat). */
  void note(String key, String value) {
    root.put(key, value);
    System.out.printf("%-58s %s%n", key, value);
  }

  /** Writes {@code <dir>/<name>.json}. */
  Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".json");
    JSON.writeValue(file.toFile(), root);
    System.out.println("wrote " + file);
    return file;
  }
}
