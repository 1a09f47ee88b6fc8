package io.alignscope.lm.tiny;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordListFileTest {
  @Test
  void parsesSettingsSectionsAndTables() {
    WordListFile file = WordListFile.parse("t.txt", "# comment\nlabel = cooking\n\n[things]\noven | a box | heats food\n");
    assertEquals("cooking", file.value("label"));
    assertEquals(List.of(List.of("oven", "a box", "heats food")), file.table("things", 3));
  }

  @Test
  void badFilesFailWithTheOffendingValue() {
    IllegalStateException noEquals = assertThrows(IllegalStateException.class,
        () -> WordListFile.parse("t.txt", "label cooking\n"));
    assertEquals("t.txt:1: expected 'key = value' before the first section, got 'label cooking'",
        noEquals.getMessage());
    WordListFile file = WordListFile.parse("t.txt", "[things]\noven | a box\n");
    IllegalStateException narrow = assertThrows(IllegalStateException.class, () -> file.table("things", 3));
    assertEquals("t.txt: [things] entry needs 3 fields separated by '|': 'oven | a box'", narrow.getMessage());
    IllegalStateException missing = assertThrows(IllegalStateException.class, () -> file.section("goals"));
    assertEquals("t.txt: missing or empty section [goals]", missing.getMessage());
  }

  @Test
  void everyBundledTopicLoadsWithEnoughEntries() {
    assertEquals(16, TopicCatalog.all().size());
    for (Topic t : TopicCatalog.all()) {
      assertTrue(t.things().size() >= 10 && t.items().size() >= 15 && t.actions().size() >= 8, t.name());
      assertTrue(t.whys().size() >= 3 && t.goals().size() >= 5, t.name());
    }
  }
}
