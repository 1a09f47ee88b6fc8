package io.alignscope.lm.text;

import java.util.List;

/**
 * A plain-text wrapper for base models, by default URIAL's
 * {@code # Query:\n```{prompt}```\n\n# Answer:\n```}. Earlier turns of a conversation are
 * rendered as completed query/answer pairs, each answer followed by {@code answerSuffix}; system
 * turns are ignored (base models have no system role).
 */
public final class WrapperFormat implements PromptFormat {
  /** URIAL's base-model wrapper. */
  public static final String URIAL = "# Query:\n```{prompt}```\n\n# Answer:\n```";
  /** What closes an answer in URIAL's format. */
  public static final String URIAL_ANSWER_SUFFIX = "```\n\n";
  private static final String SLOT = "{prompt}";

  private final LmTokenizer tokenizer;
  private final String template;
  private final String answerSuffix;

  public WrapperFormat(LmTokenizer tokenizer, String template, String answerSuffix) {
    if (!template.contains(SLOT)) {
      throw new TemplateException("prompt wrapper must contain " + SLOT + ": '" + template + "'");
    }
    this.tokenizer = tokenizer;
    this.template = template;
    this.answerSuffix = answerSuffix;
  }

  /** URIAL's wrapper. */
  public static WrapperFormat urial(LmTokenizer tokenizer) {
    return new WrapperFormat(tokenizer, URIAL, URIAL_ANSWER_SUFFIX);
  }

  /** The wrapped text of a conversation ending with a user turn. */
  public String render(List<Message> conversation) {
    StringBuilder text = new StringBuilder();
    for (Message m : conversation) {
      switch (m.role()) {
        case "user" -> text.append(template.replace(SLOT, m.content()));
        case "assistant" -> text.append(m.content()).append(answerSuffix);
        default -> { }
      }
    }
    return text.toString();
  }

  @Override
  public long[] promptIds(List<Message> conversation) {
    return tokenizer.encodePrompt(render(conversation));
  }

  @Override
  public String describe() {
    return "wrapper " + template.replace("\n", "\\n");
  }
}
