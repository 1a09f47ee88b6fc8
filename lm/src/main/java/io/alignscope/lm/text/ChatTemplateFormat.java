package io.alignscope.lm.text;

import java.util.ArrayList;
import java.util.List;

/** Prompts rendered with the model's own chat template, optionally with a system prompt. */
public final class ChatTemplateFormat implements PromptFormat {
  private final LmTokenizer tokenizer;
  private final ChatTemplate template;
  private final String systemPrompt;

  /**
   * @param systemPrompt prepended as a system turn when non-empty and the conversation has none
   */
  public ChatTemplateFormat(LmTokenizer tokenizer, ChatTemplate template, String systemPrompt) {
    this.tokenizer = tokenizer;
    this.template = template;
    this.systemPrompt = systemPrompt == null ? "" : systemPrompt;
  }

  /** The format from the tokenizer's own {@code chat_template}, failing if it has none. */
  public static ChatTemplateFormat fromTokenizer(LmTokenizer tokenizer, String systemPrompt) {
    String source = tokenizer.chatTemplate().orElseThrow(() -> new TemplateException(
        "tokenizer_config.json has no chat_template; configure a prompt wrapper instead"));
    return new ChatTemplateFormat(tokenizer, new ChatTemplate(source, tokenizer.templateVariables()), systemPrompt);
  }

  @Override
  public long[] promptIds(List<Message> conversation) {
    List<Message> turns = new ArrayList<>(conversation);
    if (!systemPrompt.isEmpty() && (turns.isEmpty() || !turns.get(0).role().equals("system"))) {
      turns.add(0, Message.system(systemPrompt));
    }
    return tokenizer.encodePrompt(template.render(turns, true));
  }

  @Override
  public String describe() {
    return "chat-template" + (systemPrompt.isEmpty() ? "" : " with system prompt");
  }
}
