package io.alignscope.jobs.cli;

import io.alignscope.jobs.config.ConfigException;
import io.alignscope.jobs.models.ModelValidationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command and its error handling: invalid configuration exits 2 with the problem named. */
@Command(name = "alignscope", mixinStandardHelpOptions = true, version = "alignscope 0.1",
    description = "Measure how alignment changes a language model, and select the data worth aligning on.",
    subcommands = {RunCommand.class, ValidateCommand.class, ShowConfigCommand.class, BuildTinyModelsCommand.class,
        ReportCommand.class})
public final class AlignscopeCommand implements Runnable {
  /** Exit code of invalid configuration or models. */
  public static final int INVALID = 2;

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Runs the command line and returns the exit code. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new AlignscopeCommand());
    cli.setExecutionExceptionHandler((e, command, parsed) -> {
      if (e instanceof ConfigException || e instanceof ModelValidationException
          || e instanceof IllegalArgumentException) {
        command.getErr().println("alignscope: " + e.getMessage());
        return INVALID;
      }
      throw e;
    });
    return cli.execute(args);
  }
}
