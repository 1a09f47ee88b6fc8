package io.alignscope.lm.tiny;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the small demo corpus bundled with the jobs module
 * ({@code io/alignscope/jobs/sample/prompts.jsonl}): 48 JSON lines with {@code id},
 * {@code source}, {@code prompt} and an aligned-style {@code response}, 12 per source.
 *
 * <p>Regenerate after changing the generator, from the repository root:
 * {@code java -cp lm/target/classes io.alignscope.lm.tiny.DemoPrompts
 * jobs/src/main/resources/io/alignscope/jobs/sample/prompts.jsonl}
 */
public final class DemoPrompts {
  /** The seed the bundled file was generated with. */
  public static final long SEED = 20240601L;
  /** The four sources, in the order their quotas fill. */
  public static final List<String> SOURCES = List.of("howto", "knowledge", "creative", "advice");
  public static final int PER_SOURCE = 12;
  public static final int MAX_PROMPT_CHARS = 500;
  public static final int MAX_RESPONSE_CHARS = 1200;
  private static final int CANDIDATES = 5000;

  private DemoPrompts() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: DemoPrompts <output.jsonl>");
    }
    Files.writeString(Path.of(args[0]), render(), StandardCharsets.UTF_8);
  }

  /** The whole file: one JSON object per line, each line ending in a newline. */
  public static String render() {
    StringBuilder out = new StringBuilder();
    List<InstructionExample> picked = select();
    for (int i = 0; i < picked.size(); i++) {
      InstructionExample e = picked.get(i);
      out.append("{\"id\": ").append(quote(String.format("sample-%04d", i + 1)))
          .append(", \"source\": ").append(quote(e.kind().category()))
          .append(", \"prompt\": ").append(quote(e.instruction()))
          .append(", \"response\": ").append(quote(e.alignedAnswer()))
          .append("}\n");
    }
    return out.toString();
  }

  /** The first examples that fit the length limits, 12 per source, with the kinds of a source mixed evenly. */
  static List<InstructionExample> select() {
    Map<String, Integer> perSource = new HashMap<>();
    Map<InstructionKind, Integer> perKind = new HashMap<>();
    List<InstructionExample> picked = new ArrayList<>();
    for (InstructionExample e : new SyntheticCorpus(SEED).instructionExamples(CANDIDATES)) {
      String source = e.kind().category();
      if (e.instruction().length() >= MAX_PROMPT_CHARS || e.alignedAnswer().length() >= MAX_RESPONSE_CHARS
          || perSource.getOrDefault(source, 0) >= PER_SOURCE
          || perKind.getOrDefault(e.kind(), 0) >= kindQuota(e.kind())) {
        continue;
      }
      perSource.merge(source, 1, Integer::sum);
      perKind.merge(e.kind(), 1, Integer::sum);
      picked.add(e);
    }
    if (picked.size() != PER_SOURCE * SOURCES.size()) {
      throw new IllegalStateException("only " + picked.size() + " demo prompts fit the limits");
    }
    return picked;
  }

  private static int kindQuota(InstructionKind kind) {
    long kindsInSource = List.of(InstructionKind.values()).stream()
        .filter(k -> k.category().equals(kind.category())).count();
    return (int) ((PER_SOURCE + kindsInSource - 1) / kindsInSource);
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
