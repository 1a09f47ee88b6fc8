package io.alignscope.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StableIdTest {

  // Literals from python3: 'h' + hashlib.sha256((p+'\0'+r+'\0'+c+'\0'+j).encode()).hexdigest()[:16]
  @Test
  void matchesHandComputedSha256() {
    assertEquals("h05255d521593a629", StableId.derive("What is 2+2?", "4", null, null));
    assertEquals("hec101b2eadc6147d", StableId.derive("Same question", "Same answer", null, null));
    assertEquals("h166634ca88f90599", StableId.derive("p", null, "good", "bad"));
  }

  @Test
  void hashesUtf8Bytes() {
    assertEquals("h2a6339408f1fedaa", StableId.derive("Héllo wörld 👋", null, null, null));
  }

  @Test
  void nullAndEmptyAnswersHashAlike() {
    assertEquals(StableId.derive("q", null, null, null), StableId.derive("q", "", "", ""));
  }

  @Test
  void separatorKeepsFieldsApart() {
    assertNotEquals(StableId.derive("ab", "c", null, null), StableId.derive("a", "bc", null, null));
    assertNotEquals(StableId.derive("q", null, "x", null), StableId.derive("q", null, null, "x"));
  }

  @Test
  void earlierChatTurnsAreHashedAfterTheFourFields() {
    List<ChatMessage> system = List.of(new ChatMessage("system", "Be brief."));
    // python3: s = 'Hi?\0Hello.\0\0' + '\0system\0Be brief.'
    assertEquals("h6d93843e73a3b284", StableId.derive("Hi?", "Hello.", null, null, system));
    assertEquals(
        StableId.derive("Hi?", "Hello.", null, null),
        StableId.derive("Hi?", "Hello.", null, null, List.of()));
  }

  @Test
  void shapeIsHPlus16Hex() {
    assertTrue(StableId.derive("x", null, null, null).matches("h[0-9a-f]{16}"));
  }

  @Test
  void blankIds() {
    assertTrue(StableId.isBlank(null));
    assertTrue(StableId.isBlank(""));
    assertTrue(StableId.isBlank(" \t"));
    assertFalse(StableId.isBlank("0"));
  }

  @Test
  void needsAPrompt() {
    assertThrows(IllegalArgumentException.class, () -> StableId.derive(null, "r", null, null));
  }
}
