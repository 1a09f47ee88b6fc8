package io.alignscope.lm.tiny;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnglishTest {
  @Test
  void articlesFollowTheSoundNotTheLetter() {
    assertEquals("an API", English.a("API"));
    assertEquals("an owl", English.a("owl"));
    assertEquals("a unit test", English.a("unit test"));
    assertEquals("a useful tool", English.a("useful tool"));
    assertEquals("an hour", English.a("hour"));
    assertEquals("a budget", English.a("budget"));
  }

  @Test
  void capitalisedSlotsTakeCapitalisedValues() {
    assertEquals("A whisk beats a spoon.",
        English.fill("{A_thing} beats {a_other}.", Map.of("a_thing", "a whisk", "a_other", "a spoon")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> English.fill("Why {why}?", Map.of()));
    assertEquals("no value for {why} in 'Why {why}?'", e.getMessage());
  }

  @Test
  void decapitalizeKeepsThePronounIAndAcronyms() {
    assertEquals("the sky is blue.", English.decapitalize("The sky is blue."));
    assertEquals("I think so.", English.decapitalize("I think so."));
    assertEquals("API keys expire.", English.decapitalize("API keys expire."));
  }

  @Test
  void possessivesReplaceOnlyTheWordMy() {
    assertEquals("fix a bug in your program", English.possessive("fix a bug in my program", "your"));
    assertEquals("cook for mystery guests", English.possessive("cook for mystery guests", "your"));
  }
}
