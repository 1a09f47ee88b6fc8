package io.alignscope.jobs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code alignscope show-config}: the effective configuration after files and overrides. */
@Command(name = "show-config", mixinStandardHelpOptions = true,
    description = "Print the effective configuration (defaults, then files, then --set overrides) as JSON.")
final class ShowConfigCommand implements Callable<Integer> {
  @Mixin ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() {
    System.out.println(options.load().rendered());
    return 0;
  }
}
