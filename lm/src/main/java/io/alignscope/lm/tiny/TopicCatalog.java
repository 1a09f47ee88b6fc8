package io.alignscope.lm.tiny;

import java.util.List;

/** The fixed, ordered set of topics the corpus covers, loaded once. */
final class TopicCatalog {
  static final List<String> NAMES = List.of(
      "cooking", "travel", "science", "history", "health", "money", "programming", "writing",
      "animals", "sports", "music", "home", "gardening", "nature", "work", "learning");

  private static final List<Topic> ALL = NAMES.stream().map(Topic::load).toList();

  private TopicCatalog() {}

  static List<Topic> all() {
    return ALL;
  }
}
