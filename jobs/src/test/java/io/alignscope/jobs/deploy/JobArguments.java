package io.alignscope.jobs.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alignscope.jobs.cli.AlignscopeCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * Checks a job argument list taken from a deployment spec with the job's real command line: the
 * picocli command tree parses it (an unknown subcommand or option fails), and the same options
 * given to {@code show-config} in-process load and validate the configuration (an unknown key or a
 * bad value exits 2). Files named by --config are looked up by file name in conf/profiles: the
 * specs refer to copies of those files (on S3, GCS, in the image).
 */
final class JobArguments {
  private static final Set<String> SUBCOMMANDS = Set.of("run", "validate", "show-config");
  private static final ObjectMapper JSON = new ObjectMapper();

  private JobArguments() {}

  /** The outcome of running the job's parser: exit code, output, error output. */
  record Outcome(int code, String out, String err) {}

  /**
   * Validates {@code args} (subcommand first) from {@code where}; returns the effective
   * configuration the job would run with.
   */
  static JsonNode validate(List<String> args, String where) {
    assertFalse(args.isEmpty(), where + ": no job arguments");
    assertTrue(SUBCOMMANDS.contains(args.get(0)), where + ": '" + args.get(0) + "' is not a job subcommand");
    List<String> local = localConfigs(args, where);
    try {
      CommandLine.ParseResult parsed = new CommandLine(new AlignscopeCommand()).parseArgs(local.toArray(String[]::new));
      assertTrue(parsed.hasSubcommand(), where + ": no subcommand parsed");
      assertEquals(args.get(0), parsed.subcommand().commandSpec().name(), where);
    } catch (CommandLine.ParameterException e) {
      fail(where + ": the job's command line rejects " + args + ": " + e.getMessage());
    }
    List<String> showConfig = new ArrayList<>(List.of("show-config"));
    showConfig.addAll(local.subList(1, local.size()));
    Outcome outcome = execute(showConfig);
    assertEquals(0, outcome.code(), where + ": the job rejects the configuration of " + args + ": " + outcome.err());
    JsonNode config;
    try {
      config = JSON.readTree(outcome.out());
    } catch (IOException e) {
      throw new AssertionError(where + ": show-config printed no JSON: " + outcome.out(), e);
    }
    for (Map.Entry<String, String> set : sets(args).entrySet()) {
      JsonNode value = config.at("/" + set.getKey().replace('.', '/'));
      assertFalse(value.isMissingNode(), where + ": " + set.getKey() + " not in the effective configuration");
      if (value.isValueNode()) {
        assertEquals(set.getValue(), value.asText(), where + ": " + set.getKey());
      }
    }
    return config;
  }

  /** Runs the job's command line in this JVM and captures what it prints. */
  static synchronized Outcome execute(List<String> args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      int code = AlignscopeCommand.execute(args.toArray(String[]::new));
      return new Outcome(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  /** The --set KEY=VALUE pairs of an argument list, in order. */
  static Map<String, String> sets(List<String> args) {
    Map<String, String> sets = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String kv = null;
      if ((a.equals("--set") || a.equals("-s")) && i + 1 < args.size()) {
        kv = args.get(++i);
      } else if (a.startsWith("--set=")) {
        kv = a.substring("--set=".length());
      }
      if (kv != null && kv.indexOf('=') > 0) {
        sets.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
      }
    }
    return sets;
  }

  /** The --config values of an argument list. */
  static List<String> configs(List<String> args) {
    List<String> configs = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if ((a.equals("--config") || a.equals("-c")) && i + 1 < args.size()) {
        configs.add(args.get(++i));
      } else if (a.startsWith("--config=")) {
        configs.add(a.substring("--config=".length()));
      }
    }
    return configs;
  }

  private static List<String> localConfigs(List<String> args, String where) {
    List<String> out = new ArrayList<>(args);
    for (int i = 0; i < out.size(); i++) {
      String a = out.get(i);
      if ((a.equals("--config") || a.equals("-c")) && i + 1 < out.size()) {
        out.set(i + 1, profile(out.get(i + 1), where).toString());
      } else if (a.startsWith("--config=")) {
        out.set(i, "--config=" + profile(a.substring("--config=".length()), where));
      }
    }
    return out;
  }

  /** conf/profiles/NAME for a --config location whose file name is NAME. */
  static Path profile(String location, String where) {
    String name = location.substring(location.lastIndexOf('/') + 1);
    Path local = ItEnvironment.root().resolve("conf/profiles").resolve(name);
    assertTrue(Files.isRegularFile(local), where + ": --config " + location + " is not a copy of a file in conf/profiles");
    return local;
  }
}
