package io.alignscope.jobs.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A spark-submit command line taken apart the way spark-submit reads it: options (--conf
 * KEY=VALUE collected into {@link #conf}), the application jar (the first positional argument),
 * and the application's own arguments after it.
 *
 * @param options spark-submit options other than --conf, by name (the last value wins)
 * @param conf --conf properties
 * @param jar the application jar
 * @param jobArgs the job's arguments
 */
record SubmitCommand(Map<String, String> options, Map<String, String> conf, String jar, List<String> jobArgs) {
  /** spark-submit options that take a value (SparkSubmitOptionParser). */
  private static final Set<String> VALUE_OPTIONS = Set.of("--master", "--deploy-mode", "--class", "--name", "--jars",
      "--packages", "--exclude-packages", "--repositories", "--py-files", "--files", "--archives", "--properties-file",
      "--driver-memory", "--driver-java-options", "--driver-library-path", "--driver-class-path", "--executor-memory",
      "--proxy-user", "--driver-cores", "--total-executor-cores", "--executor-cores", "--num-executors",
      "--principal", "--keytab", "--queue", "--conf", "-c");
  private static final Set<String> FLAGS = Set.of("--verbose", "-v", "--supervise");

  /** Parses the arguments after "spark-submit". */
  static SubmitCommand parse(List<String> args, String where) {
    Map<String, String> options = new LinkedHashMap<>();
    Map<String, String> conf = new LinkedHashMap<>();
    int i = 0;
    while (i < args.size() && args.get(i).startsWith("-")) {
      String a = args.get(i);
      String name = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
      String value;
      if (FLAGS.contains(name)) {
        options.put(name, "true");
        i++;
        continue;
      }
      assertTrue(VALUE_OPTIONS.contains(name), where + ": '" + a + "' is not a spark-submit option");
      if (a.contains("=") && a.startsWith("--") && !name.equals(a)) {
        value = a.substring(a.indexOf('=') + 1);
        i++;
      } else {
        assertTrue(i + 1 < args.size(), where + ": " + a + " has no value");
        value = args.get(i + 1);
        i += 2;
      }
      if (name.equals("--conf") || name.equals("-c")) {
        assertTrue(value.indexOf('=') > 0, where + ": --conf " + value + " is not KEY=VALUE");
        String key = value.substring(0, value.indexOf('='));
        assertNull(conf.put(key, value.substring(value.indexOf('=') + 1)), where + ": --conf " + key + " given twice");
      } else {
        options.put(name, value);
      }
    }
    assertTrue(i < args.size(), where + ": no application jar");
    String jar = args.get(i);
    assertTrue(jar.endsWith(".jar"), where + ": the application '" + jar + "' is not a jar");
    List<String> jobArgs = new ArrayList<>(args.subList(i + 1, args.size()));
    assertFalse(jobArgs.isEmpty(), where + ": no job arguments after the jar");
    return new SubmitCommand(options, conf, jar, jobArgs);
  }
}
