package io.alignscope.jobs.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException.Parse;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link JobConfig} from three layers, highest precedence first:
 *
 * <ol>
 *   <li>overrides {@code key=value} (command line {@code --set}; key without "alignscope."),
 *   <li>configuration files in HOCON, a later one overriding an earlier one,
 *   <li>the defaults in {@code alignscope-defaults.conf}.
 * </ol>
 *
 * A key that is not in the defaults is an error (it is almost always a typo), as is every
 * invalid value; all problems are reported together in one {@link ConfigException}.
 */
public final class ConfigLoader {
  /** Classpath resource holding every key with its default. */
  public static final String DEFAULTS = "alignscope-defaults.conf";
  private static final String ROOT = "alignscope";

  private ConfigLoader() {}

  /** The defaults alone. */
  public static Config defaults() {
    return ConfigFactory.parseResources(ConfigLoader.class.getClassLoader(), DEFAULTS,
        ConfigParseOptions.defaults().setAllowMissing(false));
  }

  /**
   * @param files HOCON texts with a name for messages, lowest precedence first
   * @param overrides {@code key=value} pairs, applied last
   */
  public static JobConfig load(List<Map.Entry<String, String>> files, List<String> overrides) {
    Config defaults = defaults();
    List<String> problems = new ArrayList<>();
    Config user = ConfigFactory.empty();
    for (Map.Entry<String, String> file : files) {
      try {
        Config parsed = ConfigFactory.parseString(file.getValue(),
            ConfigParseOptions.defaults().setOriginDescription(file.getKey()).setSyntax(ConfigSyntax.CONF));
        user = parsed.withFallback(user);
      } catch (Parse e) {
        problems.add(file.getKey() + ": " + e.getMessage());
      }
    }
    for (String override : overrides) {
      try {
        user = parseOverride(override).withFallback(user);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    for (Map.Entry<String, ConfigValue> entry : user.entrySet()) {
      if (!defaults.hasPathOrNull(entry.getKey())) {
        problems.add("unknown key " + entry.getKey().replaceFirst("^" + ROOT + "\\.", "")
            + " (from " + entry.getValue().origin().description() + ")");
      }
    }
    Config merged = user.withFallback(defaults).resolve();
    ConfigReader reader = new ConfigReader(merged.getConfig(ROOT));
    String rendered = merged.getConfig(ROOT).root().render(ConfigRenderOptions.concise().setFormatted(true));
    JobConfig config = JobConfig.from(reader, rendered);
    problems.addAll(reader.problems());
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return config;
  }

  /** Defaults plus overrides, no files. */
  public static JobConfig load(List<String> overrides) {
    return load(List.of(), overrides);
  }

  /** {@code key=value}: the value is HOCON (numbers, lists, quoted strings) or else a plain string. */
  static Config parseOverride(String override) {
    int eq = override.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("override '" + override + "' must look like key=value");
    }
    String key = override.substring(0, eq).trim();
    String path = key.startsWith(ROOT + ".") ? key : ROOT + "." + key;
    String value = override.substring(eq + 1).trim();
    try {
      return ConfigFactory.parseString(path + " = " + value,
          ConfigParseOptions.defaults().setOriginDescription("--set " + key));
    } catch (Parse e) {
      return ConfigFactory.empty("--set " + key).withValue(path, ConfigValueFactory.fromAnyRef(value, "--set " + key));
    }
  }
}
