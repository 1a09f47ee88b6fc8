package io.alignscope.lm.tiny;

import static io.alignscope.lm.tiny.English.a;
import static io.alignscope.lm.tiny.English.capitalize;
import static io.alignscope.lm.tiny.English.fill;

import io.alignscope.lm.tiny.AnswerContent.Shape;
import io.alignscope.lm.tiny.Topic.Thing;
import io.alignscope.lm.tiny.Topic.Why;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Instructions that ask for knowledge: definitions, reasons, explanations, comparisons. */
final class KnowledgeTasks {
  private static final List<String> DEFINE = List.of(
      "What is {a_thing}?",
      "What is {a_thing} in {label}?",
      "What does the term \"{thing}\" mean?",
      "Define {a_thing}.",
      "Can you tell me what {a_thing} is?",
      "What is {a_thing} used for?",
      "What's the purpose of {a_thing}?",
      "I keep hearing about {a_thing}. What is it?",
      "Give me a simple definition of {a_thing}.",
      "Tell me about {a_thing}.",
      "{A_thing}: what is it and what does it do?",
      "In {label}, what does {a_thing} do?",
      "Do you know what {a_thing} is?",
      "What exactly is {a_thing}?",
      "{Thing}? What is that?");
  private static final List<String> WHY = List.of(
      "Why {why}?",
      "Why {why}?",
      "I've always wondered: why {why}?",
      "Quick {label} question: why {why}?",
      "My kid asked me, \"Why {why}?\" What should I say?",
      "Can you explain this: why {why}?",
      "Here is something I never understood. Why {why}?",
      "Explain like I'm five: why {why}?");
  private static final List<String> EXPLAIN = List.of(
      "Explain what {a_thing} does.",
      "Explain the role of {a_thing} in {label}.",
      "Explain {a_thing} to a beginner.",
      "Describe {a_thing} and how it is used.",
      "How does {a_thing} help in {label}?",
      "Write a short explanation of {a_thing} for a beginner.",
      "Could you explain how {a_thing} works?",
      "I'm new to {label}. Can you explain what {a_thing} is for?",
      "Give a brief overview of {a_thing}.",
      "{A_thing} seems confusing to me. Can you explain it?");
  private static final List<String> COMPARE = List.of(
      "What is the difference between {a_x} and {a_y}?",
      "Compare {a_x} with {a_y}.",
      "How is {a_x} different from {a_y}?",
      "{A_x} or {a_y}: what is the difference?",
      "Explain the difference between {a_x} and {a_y}.",
      "Can you compare {a_x} and {a_y} for me?",
      "I always mix up {a_x} and {a_y}. How are they different?");
  private static final List<String> CLASSIFY = List.of(
      "Classify the following items as related to {first} or {second}: {items}.",
      "Sort these words into two groups, {first} and {second}: {items}.",
      "Which of these belong to {first} and which to {second}? {items}",
      "Group the following words by topic ({first} or {second}): {items}.",
      "Here is a list of words: {items}. Label each one as {first} or {second}.",
      "Decide whether each word is about {first} or {second}: {items}.",
      "{Items}: which of these are about {first}, and which are about {second}?");
  private static final List<String> SUMMARIZE = List.of(
      "Summarize the following paragraph in one sentence.\n\n{passage}",
      "Give a short summary of this text:\n\n{passage}",
      "Read the passage below and state its main idea.\n\n{passage}",
      "{passage}\n\nSummarize the text above in one sentence.",
      "TL;DR this for me:\n\n{passage}",
      "Can you shorten this paragraph into a single sentence?\n\n{passage}");
  private static final List<String> SUMMARIES = List.of(
      "The text explains that {a_thing} is {definition}, and that it {role}.",
      "The passage describes {a_thing}, {definition}, and notes that it {role}.",
      "It is about {a_thing}, which is {definition} and {role}.");

  private final Picker pick;
  private final ContentWriter content;
  private final List<Topic> topics;

  KnowledgeTasks(Picker pick, List<Topic> topics) {
    this.pick = pick;
    this.content = new ContentWriter(pick);
    this.topics = topics;
  }

  Task write(InstructionKind kind, Topic topic) {
    return switch (kind) {
      case DEFINE -> define(topic);
      case WHY -> why(topic);
      case EXPLAIN -> explain(topic);
      case COMPARE -> compare(topic);
      case CLASSIFY -> classify(topic);
      case SUMMARIZE -> summarize(topic);
      default -> throw new IllegalArgumentException("not a knowledge task: " + kind);
    };
  }

  private Task define(Topic topic) {
    Thing thing = pick.one(topic.things());
    String instruction = fill(pick.one(DEFINE), slots(topic, thing));
    List<String> parts = content.aboutThing(topic, thing, pick.between(0, 2));
    return task(InstructionKind.DEFINE, topic, instruction, prose("a short explanation", parts));
  }

  private Task why(Topic topic) {
    Why why = pick.one(topic.whys());
    String instruction = fill(pick.one(WHY), Map.of("why", why.question(), "label", topic.label()));
    List<String> parts = new ArrayList<>(List.of(content.reason(why)));
    if (pick.chance(0.6)) {
      parts.add(content.fact(topic));
    }
    return task(InstructionKind.WHY, topic, instruction, prose("the explanation", parts));
  }

  private Task explain(Topic topic) {
    Thing thing = pick.one(topic.things());
    String instruction = fill(pick.one(EXPLAIN), slots(topic, thing));
    List<String> parts = content.aboutThing(topic, thing, pick.between(1, 3));
    return task(InstructionKind.EXPLAIN, topic, instruction, prose("an overview", parts));
  }

  private Task compare(Topic topic) {
    List<Thing> pair = pick.several(topic.things(), 2);
    Thing x = pair.get(0);
    Thing y = pair.get(1);
    String instruction = fill(pick.one(COMPARE),
        Map.of("a_x", a(x.name()), "a_y", a(y.name())));
    List<String> parts = new ArrayList<>(content.definitions(topic, x, y));
    parts.add(content.contrast(x, y));
    if (pick.chance(0.4)) {
      parts.add(content.fact(topic));
    }
    return task(InstructionKind.COMPARE, topic, instruction, prose("a quick comparison", parts));
  }

  private Task classify(Topic topic) {
    Topic other = pick.one(topics.stream().filter(t -> t != topic).toList());
    List<Labelled> words = new ArrayList<>();
    words.addAll(labelled(topic, other, pick.between(2, 3)));
    words.addAll(labelled(other, topic, pick.between(2, 3)));
    List<Labelled> order = pick.several(words, words.size());
    boolean topicFirst = pick.chance(0.5);
    String instruction = fill(pick.one(CLASSIFY), Map.of(
        "first", topicFirst ? topic.label() : other.label(),
        "second", topicFirst ? other.label() : topic.label(),
        "items", String.join(", ", order.stream().map(Labelled::word).toList())));
    List<String> parts = order.stream().map(w -> capitalize(w.word()) + ": " + w.label()).toList();
    AnswerContent answer = new AnswerContent("the words sorted by topic", true, Shape.ITEMS, parts);
    return task(InstructionKind.CLASSIFY, topic, instruction, answer);
  }

  private record Labelled(String word, String label) {}

  /** Words of {@code topic} that {@code other} does not share, so each label is unambiguous. */
  private List<Labelled> labelled(Topic topic, Topic other, int count) {
    List<String> own = topic.items().stream().filter(i -> !other.items().contains(i)).toList();
    return pick.several(own, count).stream().map(i -> new Labelled(i, topic.label())).toList();
  }

  private Task summarize(Topic topic) {
    Thing thing = pick.one(topic.things());
    String passage = String.join(" ", content.aboutThing(topic, thing, pick.between(2, 4)));
    String instruction = fill(pick.one(SUMMARIZE), Map.of("passage", passage));
    String summary = fill(pick.one(SUMMARIES), slots(topic, thing));
    return task(InstructionKind.SUMMARIZE, topic, instruction,
        prose("a one-sentence summary", List.of(summary)));
  }

  private static Map<String, String> slots(Topic topic, Thing thing) {
    return Map.of("thing", thing.name(), "a_thing", a(thing.name()), "label", topic.label(),
        "definition", thing.definition(), "role", thing.role());
  }

  private static AnswerContent prose(String summary, List<String> parts) {
    return new AnswerContent(summary, false, Shape.PROSE, parts);
  }

  private static Task task(InstructionKind kind, Topic topic, String instruction, AnswerContent answer) {
    return new Task(kind, topic, instruction, answer);
  }
}
