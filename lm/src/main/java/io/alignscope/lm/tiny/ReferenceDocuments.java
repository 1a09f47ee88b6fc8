package io.alignscope.lm.tiny;

import static io.alignscope.lm.tiny.English.capitalize;
import static io.alignscope.lm.tiny.English.fill;

import io.alignscope.lm.tiny.Topic.Thing;
import io.alignscope.lm.tiny.Topic.Why;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Expository web text: encyclopedia-style articles, how-to guides and list articles. */
final class ReferenceDocuments {
  private static final List<String> HOWTO_TITLES = List.of(
      "How to {goal}", "{Goal}: a simple guide", "A beginner's guide: how to {goal}",
      "{Goal} in a few easy steps");
  private static final List<String> HOWTO_INTROS = List.of(
      "Many people want to {goal}, and it is easier than it sounds.",
      "If you want to {goal}, you do not need much to get started.",
      "Learning to {goal} takes a little practice.",
      "This short guide explains how to {goal}.");
  private static final List<String> CONNECTORS = List.of("First, ", "Then ", "After that, ", "Next, ");

  private final Picker pick;
  private final ContentWriter content;

  ReferenceDocuments(Picker pick) {
    this.pick = pick;
    this.content = new ContentWriter(pick);
  }

  /** One or two paragraphs about a thing, sometimes with a title and a rhetorical question. */
  String article(Topic topic, int targetWords) {
    List<Thing> things = pick.several(topic.things(), 3);
    StringBuilder text = new StringBuilder();
    if (pick.chance(0.6)) {
      text.append(capitalize(things.get(0).name())).append("\n\n");
    }
    List<String> sentences = new ArrayList<>(content.aboutThing(topic, things.get(0), pick.between(1, 3)));
    int next = 1;
    while (English.wordCount(String.join(" ", sentences)) < targetWords) {
      switch (pick.between(0, 4)) {
        case 0 -> {
          Why why = pick.one(topic.whys());
          sentences.add("Why " + why.question() + "? " + content.reason(why));
        }
        case 1 -> sentences.add(content.fact(topic));
        case 2 -> sentences.add(content.expert(topic, pick.one(topic.actions())));
        default -> {
          Thing other = things.get(next++ % things.size());
          sentences.addAll(List.of(content.definition(topic, other), content.role(topic, other)));
        }
      }
    }
    return text.append(paragraphs(sentences)).toString();
  }

  /** A titled how-to guide with connected or numbered steps. */
  String guide(Topic topic, int targetWords) {
    String goal = pick.one(topic.goals());
    Map<String, String> slots = Map.of("goal", English.possessive(goal, "your"));
    StringBuilder text = new StringBuilder(fill(pick.one(HOWTO_TITLES), slots)).append("\n\n");
    text.append(fill(pick.one(HOWTO_INTROS), slots));
    if (pick.chance(0.5)) {
      text.append(' ').append(content.benefit(topic));
    }
    text.append("\n\n");
    int stepCount = Math.max(3, Math.min(topic.actions().size(), targetWords / 12));
    List<String> steps = content.steps(topic, stepCount);
    text.append(pick.chance(0.5) ? PlainStyle.list(steps, true) : connected(steps));
    if (pick.chance(0.5)) {
      text.append("\n\n").append(content.fix(pick.one(topic.problems()), pick.one(topic.actions())));
    }
    return text.toString();
  }

  /** A titled list: things with what they do, problems with fixes, quick tips or useful words. */
  String listArticle(Topic topic, int targetWords) {
    int n = Math.max(3, Math.min(8, targetWords / 15));
    String person = pick.one(topic.people());
    return switch (pick.between(0, 3)) {
      case 0 -> capitalize(English.number(n)) + " things every " + person + " should know\n\n"
          + PlainStyle.list(pick.several(topic.things(), n).stream()
              .map(t -> capitalize(t.name()) + ": " + t.definition() + ", which " + t.role() + ".").toList(),
              pick.chance(0.5));
      case 1 -> "Common problems in " + topic.label() + " and how to fix them\n\n"
          + PlainStyle.list(pick.several(topic.problems(), n).stream()
              .map(p -> content.fix(p, pick.one(topic.actions()))).toList(), pick.chance(0.5));
      case 2 -> "Quick tips for " + topic.label() + "\n\n"
          + PlainStyle.list(content.tips(topic, n), pick.chance(0.5));
      default -> "Useful words for " + topic.label() + ": "
          + String.join(", ", pick.several(topic.items(), n + 4)) + ".\n\n"
          + String.join(" ", content.aboutThing(topic, pick.one(topic.things()), 2));
    };
  }

  /** Steps as running text, most of them led by "First,", "Then", ..., the last by "Finally,". */
  private String connected(List<String> steps) {
    List<String> sentences = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      String step = steps.get(i);
      if (i == steps.size() - 1) {
        sentences.add("Finally, " + English.decapitalize(step));
      } else if (i < CONNECTORS.size() && pick.chance(0.7)) {
        sentences.add(pick.one(CONNECTORS) + English.decapitalize(step));
      } else {
        sentences.add(step);
      }
    }
    return String.join(" ", sentences);
  }

  private String paragraphs(List<String> sentences) {
    StringBuilder text = new StringBuilder(sentences.get(0));
    int sinceBreak = 1;
    for (String sentence : sentences.subList(1, sentences.size())) {
      boolean paragraph = sinceBreak >= 3 && pick.chance(0.4);
      text.append(paragraph ? "\n\n" : " ").append(sentence);
      sinceBreak = paragraph ? 1 : sinceBreak + 1;
    }
    return text.toString();
  }
}
