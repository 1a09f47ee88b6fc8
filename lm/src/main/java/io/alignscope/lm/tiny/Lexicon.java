package io.alignscope.lm.tiny;

import java.util.List;

/** Topic-independent everyday words from {@code corpus/common.txt}: names, times, story events. */
final class Lexicon {
  /** A story character with the pronouns that go with the name. */
  record Person(String name, String subject, String possessive) {}

  private static final Lexicon INSTANCE = new Lexicon(WordListFile.load("common.txt"));

  final List<String> women;
  final List<String> men;
  final List<String> relations;
  final List<String> feelings;
  final List<String> worries;
  final List<String> times;
  final List<String> events;
  final List<String> objects;
  final List<String> reactions;

  private Lexicon(WordListFile file) {
    women = file.section("women");
    men = file.section("men");
    relations = file.section("relations");
    feelings = file.section("feelings");
    worries = file.section("worries");
    times = file.section("times");
    events = file.section("events");
    objects = file.section("objects");
    reactions = file.section("reactions");
  }

  static Lexicon get() {
    return INSTANCE;
  }

  Person person(Picker pick) {
    return pick.chance(0.5)
        ? new Person(pick.one(women), "she", "her")
        : new Person(pick.one(men), "he", "his");
  }
}
