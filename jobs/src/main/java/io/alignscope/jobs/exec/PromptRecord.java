package io.alignscope.jobs.exec;

import io.alignscope.lm.text.Message;
import java.io.Serializable;
import java.util.List;

/**
 * One accepted corpus row as the model stages see it.
 *
 * @param id stable id
 * @param prompt the (last) user turn
 * @param response the given answer, or null
 * @param source provenance label, or null
 * @param conversation the turns up to and including the last user turn
 * @param chosen preferred answer of preference data, or null
 * @param rejected dispreferred answer of preference data, or null
 * @param origin file and record of the input
 */
public record PromptRecord(String id, String prompt, String response, String source, List<Message> conversation,
    String chosen, String rejected, String origin) implements Serializable {

  /** The answer to analyse: the response, else the chosen answer of preference data. */
  public String answer() {
    return response != null ? response : chosen;
  }
}
