package io.alignscope.lm.text;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Hugging Face chat template (the Jinja {@code chat_template} of tokenizer_config.json)
 * rendered with Jinjava under the settings transformers uses: {@code trim_blocks} and
 * {@code lstrip_blocks}, a {@code raise_exception} function, and the special tokens as variables.
 */
public final class ChatTemplate {
  private static final String RAISE_PREFIX = "chat template raised: ";
  private final String source;
  private final Map<String, String> specialTokens;
  private final Jinjava jinjava;

  /**
   * @param source the Jinja template text
   * @param specialTokens variables such as {@code bos_token} and {@code eos_token}
   */
  public ChatTemplate(String source, Map<String, String> specialTokens) {
    this.source = source;
    this.specialTokens = Map.copyOf(specialTokens);
    this.jinjava = new Jinjava(JinjavaConfig.newBuilder()
        .withTrimBlocks(true)
        .withLstripBlocks(true)
        .withFailOnUnknownTokens(false)
        .build());
    try {
      jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "raise_exception",
          ChatTemplate.class.getDeclaredMethod("raiseException", String.class)));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The template text. */
  public String source() {
    return source;
  }

  /**
   * Renders {@code messages}; with {@code addGenerationPrompt} the text ends where the assistant's
   * answer begins.
   */
  public String render(List<Message> messages, boolean addGenerationPrompt) {
    Map<String, Object> context = new HashMap<>(specialTokens);
    List<Map<String, Object>> turns = new ArrayList<>();
    for (Message m : messages) {
      Map<String, Object> turn = new LinkedHashMap<>();
      turn.put("role", m.role());
      turn.put("content", m.content());
      turns.add(turn);
    }
    context.put("messages", turns);
    context.put("add_generation_prompt", addGenerationPrompt);
    RenderResult result = jinjava.renderForResult(source, context);
    for (TemplateError error : result.getErrors()) {
      String raised = raisedMessage(error.getException());
      if (raised != null) {
        throw new TemplateException(raised);
      }
      if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
        throw new TemplateException("chat template failed: " + error.getMessage());
      }
    }
    return result.getOutput();
  }

  /** The message of a {@code raise_exception} call somewhere in the cause chain, or null. */
  private static String raisedMessage(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof TemplateException && t.getMessage() != null && t.getMessage().startsWith(RAISE_PREFIX)) {
        return t.getMessage();
      }
    }
    return null;
  }

  /** Called by templates as {@code raise_exception('...')}. */
  public static String raiseException(String message) {
    throw new TemplateException(RAISE_PREFIX + message);
  }
}
