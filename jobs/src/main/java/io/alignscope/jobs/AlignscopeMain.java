package io.alignscope.jobs;

import io.alignscope.jobs.cli.AlignscopeCommand;
import picocli.CommandLine;

/** The job jar's entry point ({@code spark-submit --class io.alignscope.jobs.AlignscopeMain}). */
public final class AlignscopeMain {
  private AlignscopeMain() {}

  public static void main(String[] args) {
    int code = AlignscopeCommand.execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }
}
