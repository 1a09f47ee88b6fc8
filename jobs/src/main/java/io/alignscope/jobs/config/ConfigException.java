package io.alignscope.jobs.config;

import java.util.List;

/** The job configuration is invalid; the message lists every problem with its key and value. */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(problems.size() == 1 ? "invalid configuration: " + problems.get(0)
        : "invalid configuration:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public ConfigException(String problem) {
    this(List.of(problem));
  }

  /** Each problem, e.g. "bf.samples = 0: must be at least 1". */
  public List<String> problems() {
    return problems;
  }
}
