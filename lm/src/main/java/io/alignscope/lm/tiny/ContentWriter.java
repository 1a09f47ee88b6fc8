package io.alignscope.lm.tiny;

import static io.alignscope.lm.tiny.English.a;
import static io.alignscope.lm.tiny.English.fill;

import io.alignscope.lm.tiny.Topic.Thing;
import io.alignscope.lm.tiny.Topic.Why;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Content sentences about a topic: definitions, what things do, steps, fixes and facts. Both base
 * documents and answers are built from these, each template giving the same content a different
 * surface so that plain text starts in many ways.
 */
final class ContentWriter {
  private static final List<String> DEFINITIONS = List.of(
      "{A_thing} is {definition}.",
      "In {label}, {a_thing} is {definition}.",
      "The term \"{thing}\" refers to {definition}.",
      "{A_thing} can be described as {definition}.",
      "Simply put, {a_thing} is {definition}.");
  private static final List<String> ROLES = List.of(
      "{A_thing} {role}.",
      "In everyday use, {a_thing} {role}.",
      "The main job of {a_thing} is simple: it {role}.",
      "What makes {a_thing} useful is that it {role}.",
      "Most of the time, {a_thing} {role}.");
  private static final List<String> BENEFITS = List.of(
      "The result is {benefit}.",
      "Over time, this leads to {benefit}.",
      "Most people notice {benefit} within a few weeks.",
      "Done well, it brings {benefit}.",
      "The reward is {benefit}.");
  private static final List<String> STEPS = List.of(
      "{Action}.", "{Action}.", "Make sure to {action}.", "Try to {action}.", "It helps to {action}.",
      "Remember to {action}.", "Always {action}.");
  private static final List<String> EXPERTS = List.of(
      "Ask any {person} and they will tell you to {action}.",
      "An experienced {person} would advise you to {action}.",
      "A good {person} will always remind you to {action}.",
      "Every {person} I know says to {action}.");
  private static final List<String> FIXES = List.of(
      "If you notice {problem}, {action}.",
      "{Problem} is a common problem, and the usual fix is to {action}.",
      "To deal with {problem}, {action}.",
      "The best way to avoid {problem} is to {action}.");
  private static final List<String> REASONS = List.of(
      "{Explanation}.",
      "The main reason is that {explanation}.",
      "In short, {explanation}.",
      "It comes down to this: {explanation}.");
  private static final List<String> CONTRASTS = List.of(
      "The main difference is that {a_x} {role_x}, while {a_y} {role_y}.",
      "{A_x} {role_x}, but {a_y} {role_y}.");
  private static final List<String> PLACES = List.of(
      "You will often find {a_thing} {place}.",
      "{Place}, {a_thing} is a familiar sight.");

  private final Picker pick;

  ContentWriter(Picker pick) {
    this.pick = pick;
  }

  String definition(Topic topic, Thing thing) {
    return fill(pick.one(DEFINITIONS), thingSlots(topic, thing));
  }

  /** Definitions of two things, worded differently so they do not read as a repeated pattern. */
  List<String> definitions(Topic topic, Thing x, Thing y) {
    List<String> templates = pick.several(DEFINITIONS, 2);
    return List.of(fill(templates.get(0), thingSlots(topic, x)), fill(templates.get(1), thingSlots(topic, y)));
  }

  String role(Topic topic, Thing thing) {
    return fill(pick.one(ROLES), thingSlots(topic, thing));
  }

  String benefit(Topic topic) {
    return fill(pick.one(BENEFITS), Map.of("benefit", pick.one(topic.benefits())));
  }

  String step(String action) {
    return fill(pick.one(STEPS), Map.of("action", action));
  }

  String expert(Topic topic, String action) {
    return fill(pick.one(EXPERTS), Map.of("person", pick.one(topic.people()), "action", action));
  }

  String fix(String problem, String action) {
    return fill(pick.one(FIXES), Map.of("problem", problem, "action", action));
  }

  String reason(Why why) {
    return fill(pick.one(REASONS), Map.of("explanation", why.explanation()));
  }

  String contrast(Thing x, Thing y) {
    return fill(pick.one(CONTRASTS),
        Map.of("a_x", a(x.name()), "role_x", x.role(), "a_y", a(y.name()), "role_y", y.role()));
  }

  String place(Topic topic, Thing thing) {
    return fill(pick.one(PLACES), Map.of("a_thing", a(thing.name()), "place", pick.one(topic.places())));
  }

  String fact(Topic topic) {
    return pick.one(topic.facts());
  }

  /** A definition, what the thing does, then {@code extra} further sentences about its topic. */
  List<String> aboutThing(Topic topic, Thing thing, int extra) {
    List<String> sentences = new ArrayList<>(List.of(definition(topic, thing), role(topic, thing)));
    List<String> pool = new ArrayList<>(List.of(
        fact(topic), benefit(topic), expert(topic, pick.one(topic.actions())), place(topic, thing)));
    sentences.addAll(pick.several(pool, extra));
    return sentences;
  }

  /** {@code count} distinct actions of the topic as step sentences. */
  List<String> steps(Topic topic, int count) {
    return pick.several(topic.actions(), count).stream().map(this::step).toList();
  }

  /** Advice: mostly steps, sometimes phrased as a fix for a problem or an expert's habit. */
  List<String> tips(Topic topic, int count) {
    List<String> tips = new ArrayList<>();
    for (String action : pick.several(topic.actions(), count)) {
      double roll = pick.between(0, 99) / 100.0;
      if (roll < 0.2) {
        tips.add(fix(pick.one(topic.problems()), action));
      } else if (roll < 0.35) {
        tips.add(expert(topic, action));
      } else {
        tips.add(step(action));
      }
    }
    return tips;
  }

  private static Map<String, String> thingSlots(Topic topic, Thing thing) {
    return Map.of("thing", thing.name(), "a_thing", a(thing.name()), "definition", thing.definition(),
        "role", thing.role(), "label", topic.label());
  }
}
