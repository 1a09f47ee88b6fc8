package io.alignscope.lm.text;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real chat templates as published in tokenizer_config.json files, rendered as transformers does. */
class ChatTemplateTest {
  static final String LLAMA2 = "{% if messages[0]['role'] == 'system' %}{% set loop_messages = messages[1:] %}"
      + "{% set system_message = messages[0]['content'] %}{% else %}{% set loop_messages = messages %}"
      + "{% set system_message = false %}{% endif %}{% for message in loop_messages %}"
      + "{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}"
      + "{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}"
      + "{% if loop.index0 == 0 and system_message != false %}"
      + "{% set content = '<<SYS>>\\n' + system_message + '\\n<</SYS>>\\n\\n' + message['content'] %}"
      + "{% else %}{% set content = message['content'] %}{% endif %}{% if message['role'] == 'user' %}"
      + "{{ bos_token + '[INST] ' + content.strip() + ' [/INST]' }}{% elif message['role'] == 'assistant' %}"
      + "{{ ' '  + content.strip() + ' ' + eos_token }}{% endif %}{% endfor %}";
  static final String LLAMA3 = "{% set loop_messages = messages %}{% for message in loop_messages %}"
      + "{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'+ message['content'] | trim"
      + " + '<|eot_id|>' %}{% if loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}{{ content }}"
      + "{% endfor %}{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}";
  static final String MISTRAL = "{{ bos_token }}{% for message in messages %}"
      + "{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}"
      + "{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}"
      + "{% if message['role'] == 'user' %}{{ '[INST] ' + message['content'] + ' [/INST]' }}"
      + "{% elif message['role'] == 'assistant' %}{{ message['content'] + eos_token}}"
      + "{% else %}{{ raise_exception('Only user and assistant roles are supported!') }}{% endif %}{% endfor %}";
  static final String CHATML = "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}"
      + "{{ '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}{% endif %}"
      + "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}"
      + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";
  static final String ZEPHYR = "{% for message in messages %}\n{% if message['role'] == 'user' %}\n"
      + "{{ '<|user|>\\n' + message['content'] + eos_token }}\n{% elif message['role'] == 'system' %}\n"
      + "{{ '<|system|>\\n' + message['content'] + eos_token }}\n{% elif message['role'] == 'assistant' %}\n"
      + "{{ '<|assistant|>\\n'  + message['content'] + eos_token }}\n{% endif %}\n"
      + "{% if loop.last and add_generation_prompt %}\n{{ '<|assistant|>' }}\n{% endif %}\n{% endfor %}";

  private static String render(String template, String bos, String eos, List<Message> messages) {
    return new ChatTemplate(template, Map.of("bos_token", bos, "eos_token", eos)).render(messages, true);
  }

  @Test
  void llama2WithSystemPromptAndHistory() {
    assertEquals("<s>[INST] <<SYS>>\nBe brief.\n<</SYS>>\n\nHi [/INST]",
        render(LLAMA2, "<s>", "</s>", List.of(Message.system("Be brief."), Message.user("Hi"))));
    assertEquals("<s>[INST] Hi [/INST] Hello </s><s>[INST] Bye [/INST]",
        render(LLAMA2, "<s>", "</s>", List.of(Message.user(" Hi "), Message.assistant("Hello"), Message.user("Bye"))));
  }

  @Test
  void llama3TrimsContentAndAddsHeader() {
    assertEquals("<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nhi there<|eot_id|>"
        + "<|start_header_id|>assistant<|end_header_id|>\n\n",
        render(LLAMA3, "<|begin_of_text|>", "<|eot_id|>", List.of(Message.user("  hi there  "))));
  }

  @Test
  void mistralAndItsRoleCheck() {
    assertEquals("<s>[INST] Hello [/INST]", render(MISTRAL, "<s>", "</s>", List.of(Message.user("Hello"))));
    TemplateException e = assertThrows(TemplateException.class,
        () -> render(MISTRAL, "<s>", "</s>", List.of(Message.assistant("x"))));
    assertTrue(e.getMessage().contains("Conversation roles must alternate"), e.getMessage());
  }

  @Test
  void chatMlAddsDefaultSystemTurn() {
    assertEquals("<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\nHello<|im_end|>\n"
        + "<|im_start|>assistant\n", render(CHATML, "", "<|im_end|>", List.of(Message.user("Hello"))));
  }

  @Test
  void zephyrNeedsTrimBlocksLikeTransformers() {
    assertEquals("<|user|>\nHello</s>\n<|assistant|>\n",
        render(ZEPHYR, "<s>", "</s>", List.of(Message.user("Hello"))));
  }

  @Test
  void withoutGenerationPromptTheAnswerHeaderIsAbsent() {
    String text = new ChatTemplate(CHATML, Map.of()).render(List.of(Message.user("Hello")), false);
    assertFalse(text.endsWith("<|im_start|>assistant\n"), text);
  }
}
