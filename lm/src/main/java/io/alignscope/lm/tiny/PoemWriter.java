package io.alignscope.lm.tiny;

import static io.alignscope.lm.tiny.English.a;
import static io.alignscope.lm.tiny.English.capitalize;
import static io.alignscope.lm.tiny.English.fill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Free-verse poems from a topic's images, qualities and places, one line per entry. */
final class PoemWriter {
  private static final List<String> LINES = List.of(
      "{image}",
      "the {quality} {item} {place}",
      "and {image}",
      "I think of {image}",
      "{quality} and {quality2}, the {item} waits",
      "the quiet work of every {person}",
      "there is {image} {place}",
      "some days are {quality}, some days are {quality2}",
      "and still I come back to {a_thing}",
      "{a_feeling} heart and {image}",
      "so much depends on {a_thing}",
      "we learn to {action} and begin again");

  private final Picker pick;

  PoemWriter(Picker pick) {
    this.pick = pick;
  }

  /** {@code count} lines, the first capitalised, commas between them and a full stop at the end. */
  List<String> poem(Topic topic, int count) {
    List<String> lines = new ArrayList<>();
    for (String template : pick.several(LINES, count)) {
      List<String> qualities = pick.several(topic.qualities(), 2);
      String line = fill(template, Map.of(
          "image", pick.one(topic.images()),
          "quality", qualities.get(0),
          "quality2", qualities.get(1),
          "item", pick.one(topic.items()),
          "place", pick.one(topic.places()),
          "person", pick.one(topic.people()),
          "a_thing", a(pick.one(topic.things()).name()),
          "a_feeling", a(pick.one(Lexicon.get().feelings)),
          "action", pick.one(topic.actions())));
      lines.add(lines.isEmpty() ? capitalize(line) : line);
    }
    for (int i = 0; i < lines.size(); i++) {
      lines.set(i, lines.get(i) + (i == lines.size() - 1 ? "." : ","));
    }
    return lines;
  }
}
