package io.alignscope.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenLabelsTest {

  @Test
  void whitespaceAndControlsBecomeVisible() {
    assertEquals("\u2423the", TokenLabels.visible(" the"));
    assertEquals("\\n\\n", TokenLabels.visible("\n\n"));
    assertEquals("\\t\\r", TokenLabels.visible("\t\r"));
    assertEquals("\\u0000\\u001b\\u007f", TokenLabels.visible("\u0000\u001b\u007f"));
    assertEquals("a\\u2028b\\u200bc\\u00a0d", TokenLabels.visible("a\u2028b\u200bc\u00a0d"));
    assertEquals("(empty)", TokenLabels.visible(""));
    assertEquals("(empty)", TokenLabels.visible(null));
  }

  @Test
  void keepsMarkupForTheEscapingLayersAndPairedSurrogates() {
    assertEquals("</script>", TokenLabels.visible("</script>"));
    assertEquals("\ud83d\ude00", TokenLabels.visible("\ud83d\ude00"));
    assertEquals("\\ud800x", TokenLabels.visible("\ud800x"));
    assertEquals("x\\udc00", TokenLabels.visible("x\udc00"));
  }

  @Test
  void longLabelsAreCut() {
    String label = TokenLabels.visible("-".repeat(100));
    assertEquals(TokenLabels.MAX_CODE_POINTS, label.codePointCount(0, label.length()));
    assertEquals("-".repeat(TokenLabels.MAX_CODE_POINTS - 1) + "\u2026", label);
    String emoji = TokenLabels.visible("\ud83d\ude00".repeat(50));
    assertEquals(TokenLabels.MAX_CODE_POINTS, emoji.codePointCount(0, emoji.length()));
  }

  @Test
  void collidingLabelsGetTheirIds() {
    assertEquals(List.of("\ufffd #7", "a", "\ufffd #9"),
        TokenLabels.visible(List.of("\ufffd", "a", "\ufffd"), List.of(7, 8, 9)));
  }

  @Test
  void hostileStringsHaveNoRawControls() {
    for (String s : HostileStrings.ALL) {
      String label = TokenLabels.visible(s);
      assertFalse(label.chars().anyMatch(Character::isISOControl), () -> "control left in " + label);
    }
  }
}
