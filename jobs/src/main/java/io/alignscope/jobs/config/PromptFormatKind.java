package io.alignscope.jobs.config;

/** How a model's prompt is written. */
public enum PromptFormatKind {
  /** Plain text around the prompt (URIAL's wrapper for base models). */
  WRAPPER,
  /** The model's own chat template from tokenizer_config.json. */
  CHAT_TEMPLATE
}
