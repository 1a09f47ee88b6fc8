package io.alignscope.jobs.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException.Missing;
import com.typesafe.config.ConfigException.WrongType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads typed values from the merged configuration and collects every problem instead of
 * stopping at the first, so one run of {@code validate} shows them all. Keys are relative to
 * {@code alignscope.}; messages name the key and the offending value.
 */
final class ConfigReader {
  private final Config config;
  private final List<String> problems = new ArrayList<>();

  ConfigReader(Config config) {
    this.config = config;
  }

  String string(String key) {
    return read(key, () -> config.getString(key), "");
  }

  boolean bool(String key) {
    return read(key, () -> config.getBoolean(key), false);
  }

  List<String> strings(String key) {
    return read(key, () -> config.getStringList(key), List.of());
  }

  int integer(String key, int min, int max) {
    int value = read(key, () -> config.getInt(key), min);
    check(key, value, value >= min && value <= max, "must be between " + min + " and " + max);
    return value;
  }

  long longValue(String key, long min) {
    long value = read(key, () -> config.getLong(key), min);
    check(key, value, value >= min, "must be at least " + min);
    return value;
  }

  /** A number in [min, max]; {@code exclusiveMin} excludes the lower bound. */
  double decimal(String key, double min, double max, boolean exclusiveMin) {
    double value = read(key, () -> config.getDouble(key), max);
    boolean ok = (exclusiveMin ? value > min : value >= min) && value <= max;
    check(key, value, ok, "must be in " + (exclusiveMin ? "(" : "[") + min + ", " + max + "]");
    return value;
  }

  /** One of an enum's constants, written lower-case with hyphens ("paper-compatible"). */
  <E extends Enum<E>> E choice(String key, Class<E> type) {
    String raw = string(key);
    E parsed = parseChoice(raw, type);
    if (parsed == null) {
      problems.add(key + " = '" + raw + "': must be one of " + choices(type));
      return type.getEnumConstants()[0];
    }
    return parsed;
  }

  /** Each element of a list as one of an enum's constants. */
  <E extends Enum<E>> List<E> choices(String key, Class<E> type) {
    List<E> out = new ArrayList<>();
    for (String raw : strings(key)) {
      E parsed = parseChoice(raw, type);
      if (parsed == null) {
        problems.add(key + " contains '" + raw + "': each must be one of " + choices(type));
      } else if (!out.contains(parsed)) {
        out.add(parsed);
      }
    }
    return out;
  }

  /** The configuration name of an enum constant. */
  static String nameOf(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static <E extends Enum<E>> E parseChoice(String raw, Class<E> type) {
    for (E e : type.getEnumConstants()) {
      if (nameOf(e).equals(raw.trim().toLowerCase(Locale.ROOT))) {
        return e;
      }
    }
    return null;
  }

  private static <E extends Enum<E>> String choices(Class<E> type) {
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(nameOf(e));
    }
    return String.join(", ", names);
  }

  /** Records a problem unless {@code ok}. */
  void check(String key, Object value, boolean ok, String requirement) {
    if (!ok) {
      problems.add(key + " = " + value + ": " + requirement);
    }
  }

  /** Records a free-form problem. */
  void problem(String message) {
    problems.add(message);
  }

  List<String> problems() {
    return problems;
  }

  private interface Getter<T> {
    T get();
  }

  private <T> T read(String key, Getter<T> getter, T fallback) {
    try {
      return getter.get();
    } catch (Missing e) {
      problems.add(key + " is missing");
    } catch (WrongType e) {
      problems.add(key + " = " + render(key) + ": wrong type (" + e.getMessage().replaceAll(".*: ", "") + ")");
    }
    return fallback;
  }

  private String render(String key) {
    try {
      return config.getValue(key).render();
    } catch (RuntimeException e) {
      return "?";
    }
  }
}
