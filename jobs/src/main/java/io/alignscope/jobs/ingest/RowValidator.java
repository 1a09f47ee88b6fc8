package io.alignscope.jobs.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * Decides whether one input record becomes a canonical row, and if not, why. Checks run in the
 * order of {@link RejectReason} and the first failing one wins. Duplicate ids need the whole corpus
 * and are found by the Spark adapter, not here.
 *
 * <p>The prompt is the prompt column when it is non-null, else the last user turn of the messages;
 * the response likewise the response column, else the assistant turn after the last user turn.
 * Lengths count Unicode code points.
 */
public final class RowValidator implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int maxPromptChars;
  private final int maxResponseChars;

  /**
   * @param maxPromptChars longest accepted prompt; 0 = no limit
   * @param maxResponseChars longest accepted response; 0 = no limit
   */
  public RowValidator(int maxPromptChars, int maxResponseChars) {
    this.maxPromptChars = maxPromptChars;
    this.maxResponseChars = maxResponseChars;
  }

  /** The validator for the limits in {@code options}. */
  public static RowValidator from(CorpusOptions options) {
    return new RowValidator(options.maxPromptChars(), options.maxResponseChars());
  }

  /** The verdict for {@code record}. */
  public Verdict validate(ExtractedRecord record) {
    if (record.malformedDetail() != null) {
      return Verdict.reject(RejectReason.MALFORMED, record.malformedDetail(), null);
    }
    MessagesParser.Result messages =
        record.messagesJson() == null ? null : MessagesParser.parse(record.messagesJson());
    Conversation conversation = messages == null ? null : messages.conversation();

    String prompt = record.prompt() != null ? record.prompt() : promptOf(conversation);
    if (prompt == null) {
      return messages == null
          ? Verdict.reject(
              RejectReason.MISSING_PROMPT,
              "prompt is missing and there are no messages",
              givenId(record))
          : Verdict.reject(RejectReason.BAD_MESSAGES, messages.problem(), givenId(record));
    }
    String response = record.response() != null ? record.response() : responseOf(conversation);
    String id = idOf(record, prompt, response, conversation);

    if (prompt.isBlank()) {
      return Verdict.reject(RejectReason.EMPTY_PROMPT, blankDetail(prompt), id);
    }
    String tooLong = lengthProblem("prompt", prompt, maxPromptChars);
    if (tooLong != null) {
      return Verdict.reject(RejectReason.PROMPT_TOO_LONG, tooLong, id);
    }
    tooLong = lengthProblem("response", response, maxResponseChars);
    if (tooLong != null) {
      return Verdict.reject(RejectReason.RESPONSE_TOO_LONG, tooLong, id);
    }
    if (messages != null && messages.problem() != null) {
      return Verdict.reject(RejectReason.BAD_MESSAGES, messages.problem(), id);
    }
    return Verdict.accept(
        id, prompt, response, conversation == null ? null : conversation.context());
  }

  private static String idOf(
      ExtractedRecord record, String prompt, String response, Conversation conversation) {
    if (!StableId.isBlank(record.id())) {
      return record.id();
    }
    List<ChatMessage> earlier = conversation == null ? List.of() : conversation.earlierTurns();
    return StableId.derive(prompt, response, record.chosen(), record.rejected(), earlier);
  }

  private static String givenId(ExtractedRecord record) {
    return StableId.isBlank(record.id()) ? null : record.id();
  }

  private static String promptOf(Conversation conversation) {
    return conversation == null ? null : conversation.prompt();
  }

  private static String responseOf(Conversation conversation) {
    return conversation == null ? null : conversation.response();
  }

  private static String blankDetail(String prompt) {
    return prompt.isEmpty()
        ? "prompt is empty"
        : "prompt is blank (" + prompt.length() + " whitespace characters)";
  }

  /** "prompt has 20413 characters, limit 16000", or null when within the limit. */
  private static String lengthProblem(String what, String text, int limit) {
    if (text == null || limit == 0 || text.length() <= limit) {
      return null; // code points never outnumber chars, so the cheap test settles most texts
    }
    int chars = text.codePointCount(0, text.length());
    return chars > limit ? what + " has " + chars + " characters, limit " + limit : null;
  }
}
