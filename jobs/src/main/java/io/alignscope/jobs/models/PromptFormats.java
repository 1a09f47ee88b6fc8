package io.alignscope.jobs.models;

import io.alignscope.jobs.config.ModelSpec;
import io.alignscope.jobs.config.PromptFormatKind;
import io.alignscope.lm.text.ChatTemplateFormat;
import io.alignscope.lm.text.LmTokenizer;
import io.alignscope.lm.text.PromptFormat;
import io.alignscope.lm.text.WrapperFormat;

/** The prompt format a model's configuration asks for. */
final class PromptFormats {
  private PromptFormats() {}

  static PromptFormat of(ModelSpec spec, LmTokenizer tokenizer) {
    return spec.promptFormat() == PromptFormatKind.CHAT_TEMPLATE
        ? ChatTemplateFormat.fromTokenizer(tokenizer, spec.systemPrompt())
        : new WrapperFormat(tokenizer, spec.wrapper(), spec.answerSuffix());
  }
}
