package io.alignscope.lm.tiny;

import static io.alignscope.lm.tiny.English.a;
import static io.alignscope.lm.tiny.English.fill;

import io.alignscope.lm.tiny.Lexicon.Person;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Short third-person stories: a character, a goal from the topic, a small setback, an ending. */
final class StoryWriter {
  private static final List<String> OPENINGS = List.of(
      "{Name} was {a_person} who spent most days {place}.",
      "Once upon a time, there was {a_person} named {name}.",
      "{Time}, {name} decided it was finally time to {goal}.",
      "Nobody in town felt as {feeling} as {name}, {a_person} with a big plan.");
  // In story order: a subset is kept, but never shuffled, so the plot reads forwards.
  private static final List<String> MIDDLES = List.of(
      "{Subject} had always wanted to {goal}.",
      "{Subject} remembered the advice of an old {person}: \"{Action}.\"",
      "{Subject} grabbed {possessive} {object} and headed out the door.",
      "{Time}, {event}.",
      "At first nothing went right, and {name} felt {worry}.",
      "{A_relation} stopped by and said, \"{Reaction}\"",
      "Then {event}, and {name} had to start again.",
      "{Subject} learned that {a_thing} {role}.",
      "Every evening, {name} practiced a little more.");
  private static final List<String> ENDINGS = List.of(
      "By the end of the season, {name} had learned to {goal}.",
      "In the end, {name} felt {feeling} and a little wiser.",
      "And that is how {name} learned to {goal}.",
      "From then on, {name} never forgot the day {event}.");

  private final Picker pick;
  private final Lexicon lexicon = Lexicon.get();

  StoryWriter(Picker pick) {
    this.pick = pick;
  }

  /** A story of {@code length} sentences (at least three) about {@code hero}. */
  List<String> story(Topic topic, Person hero, String heroRole, String goal, int length) {
    Deque<String> events = new ArrayDeque<>(pick.several(lexicon.events, length));
    List<String> middles = new ArrayList<>(pick.several(MIDDLES, Math.max(1, length - 2)));
    middles.sort((x, y) -> Integer.compare(MIDDLES.indexOf(x), MIDDLES.indexOf(y)));
    List<String> sentences = new ArrayList<>();
    sentences.add(fill(pick.one(OPENINGS), slots(topic, hero, heroRole, goal, events)));
    for (String middle : middles) {
      sentences.add(fill(middle, slots(topic, hero, heroRole, goal, events)));
    }
    sentences.add(fill(pick.one(ENDINGS), slots(topic, hero, heroRole, goal, events)));
    return sentences;
  }

  private Map<String, String> slots(Topic topic, Person hero, String heroRole, String goal, Deque<String> events) {
    Topic.Thing thing = pick.one(topic.things());
    Map<String, String> slots = new HashMap<>();
    slots.put("name", hero.name());
    slots.put("subject", hero.subject());
    slots.put("possessive", hero.possessive());
    slots.put("a_person", a(heroRole));
    slots.put("person", pick.one(topic.people()));
    slots.put("place", pick.one(topic.places()));
    slots.put("goal", English.possessive(goal, hero.possessive()));
    slots.put("time", pick.one(lexicon.times));
    slots.put("event", events.isEmpty() ? pick.one(lexicon.events) : events.peek());
    slots.put("feeling", pick.one(lexicon.feelings));
    slots.put("worry", pick.one(lexicon.worries));
    slots.put("object", pick.one(lexicon.objects));
    slots.put("a_relation", a(pick.one(lexicon.relations)));
    slots.put("reaction", pick.one(lexicon.reactions));
    slots.put("action", pick.one(topic.actions()));
    slots.put("a_thing", a(thing.name()));
    slots.put("role", thing.role());
    if (!events.isEmpty()) {
      events.pop(); // each event is told once; the slot map is built before the template is known
    }
    return slots;
  }
}
