package io.alignscope.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RowValidatorTest {

  private static final String CHAT =
      "[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Hi?\"},"
          + "{\"role\":\"assistant\",\"content\":\"Hello.\"}]";
  private static final String BAD_CHAT = "[{\"role\":\"assistant\",\"content\":\"a\"}]";

  private final RowValidator validator = new RowValidator(10, 20);

  @Test
  void acceptsAPlainRecordKeepingItsId() {
    Verdict v = validator.validate(ExtractedRecord.of("x1", "Question?", "Answer."));
    assertTrue(v.isAccepted());
    assertEquals("x1", v.id());
    assertEquals("Question?", v.prompt());
    assertEquals("Answer.", v.response());
    assertNull(v.messages());
  }

  @Test
  void derivesAnIdWhenNoneOrBlankIsGiven() {
    String expected = StableId.derive("Question?", "Answer.", null, null);
    assertEquals(
        expected, validator.validate(ExtractedRecord.of(null, "Question?", "Answer.")).id());
    assertEquals(
        expected, validator.validate(ExtractedRecord.of("  ", "Question?", "Answer.")).id());
  }

  @Test
  void eachReasonWithItsDetail() {
    assertReject(
        ExtractedRecord.malformed("line is not a valid JSON object"),
        RejectReason.MALFORMED,
        "line is not a valid JSON object",
        null);
    assertReject(
        ExtractedRecord.of("m", null, "answer"),
        RejectReason.MISSING_PROMPT,
        "prompt is missing and there are no messages",
        "m");
    assertReject(
        ExtractedRecord.of("e", "", null), RejectReason.EMPTY_PROMPT, "prompt is empty", "e");
    assertReject(
        ExtractedRecord.of("b", " \n\t", null),
        RejectReason.EMPTY_PROMPT,
        "prompt is blank (3 whitespace characters)",
        "b");
    assertReject(
        ExtractedRecord.of("p", "x".repeat(11), null),
        RejectReason.PROMPT_TOO_LONG,
        "prompt has 11 characters, limit 10",
        "p");
    assertReject(
        ExtractedRecord.of("r", "q", "y".repeat(21)),
        RejectReason.RESPONSE_TOO_LONG,
        "response has 21 characters, limit 20",
        "r");
    assertReject(
        chat("c", null, BAD_CHAT), RejectReason.BAD_MESSAGES, "messages have no 'user' turn", "c");
  }

  @Test
  void theFirstApplicableReasonWins() {
    assertEquals(
        RejectReason.EMPTY_PROMPT,
        validator.validate(ExtractedRecord.of("i", "", "y".repeat(21))).reason());
    assertEquals(
        RejectReason.PROMPT_TOO_LONG,
        validator.validate(ExtractedRecord.of("i", "x".repeat(11), "y".repeat(21))).reason());
    // A usable prompt column: the lengths are checked before the broken messages.
    assertEquals(
        RejectReason.RESPONSE_TOO_LONG,
        validator
            .validate(new ExtractedRecord(null, "i", "q", "y".repeat(21), BAD_CHAT, null, null))
            .reason());
    assertEquals(
        RejectReason.BAD_MESSAGES,
        validator
            .validate(new ExtractedRecord(null, "i", "q", "a", BAD_CHAT, null, null))
            .reason());
  }

  @Test
  void aRejectWithoutGivenIdStillGetsTheDerivedOneWhenThePromptIsKnown() {
    Verdict v = validator.validate(ExtractedRecord.of(null, "x".repeat(11), null));
    assertEquals(StableId.derive("x".repeat(11), null, null, null), v.id());
    assertNull(validator.validate(ExtractedRecord.of(null, null, "a")).id());
  }

  @Test
  void lengthsCountCodePointsAndZeroMeansNoLimit() {
    String emoji = "👋".repeat(10); // 20 UTF-16 chars, 10 code points
    assertTrue(validator.validate(ExtractedRecord.of("i", emoji, null)).isAccepted());
    RowValidator unlimited = new RowValidator(0, 0);
    assertTrue(
        unlimited
            .validate(ExtractedRecord.of("i", "x".repeat(100_000), "y".repeat(100_000)))
            .isAccepted());
  }

  @Test
  void chatInputGivesPromptResponseAndContext() {
    Verdict v = validator.validate(chat(null, null, CHAT));
    assertTrue(v.isAccepted());
    assertEquals("Hi?", v.prompt());
    assertEquals("Hello.", v.response());
    assertEquals(
        List.of(new ChatMessage("system", "Be brief."), new ChatMessage("user", "Hi?")),
        v.messages());
    assertEquals(
        StableId.derive(
            "Hi?", "Hello.", null, null, List.of(new ChatMessage("system", "Be brief."))),
        v.id());
  }

  @Test
  void promptAndResponseColumnsWinOverMessages() {
    Verdict v = validator.validate(new ExtractedRecord(null, null, "P", "R", CHAT, null, null));
    assertEquals("P", v.prompt());
    assertEquals("R", v.response());
    assertEquals(2, v.messages().size());
  }

  @Test
  void chatLengthLimitsApplyToTheDerivedPrompt() {
    String longChat = "[{\"role\":\"user\",\"content\":\"" + "x".repeat(11) + "\"}]";
    assertReject(
        chat("l", null, longChat),
        RejectReason.PROMPT_TOO_LONG,
        "prompt has 11 characters, limit 10",
        "l");
    String blankChat = "[{\"role\":\"user\",\"content\":\" \"}]";
    assertReject(
        chat("b", null, blankChat),
        RejectReason.EMPTY_PROMPT,
        "prompt is blank (1 whitespace characters)",
        "b");
  }

  @Test
  void preferencePairsEnterTheDerivedId() {
    Verdict v = validator.validate(new ExtractedRecord(null, null, "p", null, null, "good", "bad"));
    assertEquals("h166634ca88f90599", v.id());
  }

  private static ExtractedRecord chat(String id, String prompt, String messages) {
    return new ExtractedRecord(null, id, prompt, null, messages, null, null);
  }

  private void assertReject(ExtractedRecord record, RejectReason reason, String detail, String id) {
    Verdict v = validator.validate(record);
    assertEquals(reason, v.reason());
    assertEquals(detail, v.detail());
    assertEquals(id, v.id());
    assertNull(v.prompt());
  }
}
