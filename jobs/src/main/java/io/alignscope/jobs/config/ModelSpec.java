package io.alignscope.jobs.config;

import java.io.Serializable;
import java.util.List;

/**
 * One model of the pair.
 *
 * @param role "base" or "aligned"
 * @param path checkpoint folder: local, any Hadoop URI, or embedded:NAME
 * @param promptFormat how prompts are written for it
 * @param wrapper the wrapper text with {prompt} (wrapper format)
 * @param answerSuffix what closes earlier answers in a wrapper conversation
 * @param systemPrompt system turn for the chat template ("" = none)
 * @param stop stop strings for its generations
 */
public record ModelSpec(String role, String path, PromptFormatKind promptFormat, String wrapper, String answerSuffix,
    String systemPrompt, List<String> stop) implements Serializable {

  static ModelSpec from(ConfigReader r, String role) {
    String p = "models." + role + ".";
    String path = r.string(p + "path");
    r.check(p + "path", "''", !path.isBlank(), "must name a checkpoint folder");
    PromptFormatKind format = r.choice(p + "prompt-format", PromptFormatKind.class);
    String wrapper = r.string(p + "wrapper");
    if (format == PromptFormatKind.WRAPPER) {
      r.check(p + "wrapper", "'" + wrapper.replace("\n", "\\n") + "'", wrapper.contains("{prompt}"),
          "must contain {prompt}");
    }
    return new ModelSpec(role, path, format, wrapper, r.string(p + "answer-suffix"), r.string(p + "system-prompt"),
        List.copyOf(r.strings(p + "stop")));
  }
}
