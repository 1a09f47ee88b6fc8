package io.alignscope.lm.tiny;

import java.util.List;

/**
 * The content vocabulary of one subject area, read from {@code corpus/topics/<name>.txt}. Base
 * documents and both answer styles draw their content words from here, so the base and aligned
 * text agree on content and differ only in style. {@code ownable} says whether its things are
 * things a person might buy ("Should I get a slow cooker?"), which science or weather ones are not.
 */
record Topic(
    String name,
    String label,
    String professional,
    String caution,
    boolean ownable,
    List<Thing> things,
    List<String> items,
    List<String> people,
    List<String> places,
    List<String> qualities,
    List<String> actions,
    List<String> goals,
    List<String> benefits,
    List<String> problems,
    List<Why> whys,
    List<String> facts,
    List<String> images) {

  /** A countable thing with a definition (noun phrase) and what it does (third-person verb phrase). */
  record Thing(String name, String definition, String role) {}

  /** A question that follows "Why" ("does bread dough rise") and its explanation clause. */
  record Why(String question, String explanation) {}

  static Topic load(String name) {
    WordListFile file = WordListFile.load("topics/" + name + ".txt");
    return new Topic(
        name,
        file.value("label"),
        file.value("professional"),
        file.value("caution"),
        file.flag("ownable", true),
        file.table("things", 3).stream().map(r -> new Thing(r.get(0), r.get(1), r.get(2))).toList(),
        file.section("items"),
        file.section("people"),
        file.section("places"),
        file.section("qualities"),
        file.section("actions"),
        file.section("goals"),
        file.section("benefits"),
        file.section("problems"),
        file.table("whys", 2).stream().map(r -> new Why(r.get(0), r.get(1))).toList(),
        file.section("facts"),
        file.section("images"));
  }
}
