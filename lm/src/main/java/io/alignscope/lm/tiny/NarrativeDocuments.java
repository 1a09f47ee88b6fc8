package io.alignscope.lm.tiny;

import static io.alignscope.lm.tiny.English.a;
import static io.alignscope.lm.tiny.English.capitalize;
import static io.alignscope.lm.tiny.English.fill;

import io.alignscope.lm.tiny.Lexicon.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Narrative web text: stories, two-person dialogues, personal blog posts and poems. */
final class NarrativeDocuments {
  private static final List<String> FOLLOW_UPS = List.of(
      "What else should I know?", "Is it hard?", "Anything I should avoid?", "Where should I start?",
      "How long does it take?");
  private static final List<String> BLOG_LINES = List.of(
      "I was a little {worry} at first.",
      "The best advice I got was to {action}.",
      "At one point {event}, but I kept going.",
      "My {relation} thought I was crazy.",
      "I made plenty of mistakes along the way.",
      "It took longer than I expected.");
  private static final List<String> BLOG_ENDINGS = List.of(
      "Now I feel {feeling}, and I would tell anyone to give it a try.",
      "I am already planning what to do next.",
      "If I can do it, so can you.");

  private final Picker pick;
  private final ContentWriter content;
  private final Lexicon lexicon = Lexicon.get();

  NarrativeDocuments(Picker pick) {
    this.pick = pick;
    this.content = new ContentWriter(pick);
  }

  /** A titled or untitled story in one or two paragraphs. */
  String story(Topic topic, int targetWords) {
    Person hero = lexicon.person(pick);
    String role = pick.one(topic.people());
    List<String> sentences = new StoryWriter(pick)
        .story(topic, hero, role, pick.one(topic.goals()), Math.max(4, Math.min(9, targetWords / 12)));
    String title = pick.chance(0.4) ? hero.name() + " and the " + pick.one(topic.things()).name() + "\n\n" : "";
    int cut = sentences.size() / 2;
    return title + String.join(" ", sentences.subList(0, cut)) + "\n\n"
        + String.join(" ", sentences.subList(cut, sentences.size()));
  }

  /** Two people talking about the topic, one asking and one explaining. */
  String dialogue(Topic topic, int targetWords) {
    Person asker = lexicon.person(pick);
    Person expert = lexicon.person(pick);
    while (expert.name().equals(asker.name())) {
      expert = lexicon.person(pick);
    }
    List<String> lines = new ArrayList<>();
    Topic.Thing thing = pick.one(topic.things());
    Topic.Why why = pick.one(topic.whys());
    switch (pick.between(0, 2)) {
      case 0 -> {
        lines.add(asker.name() + ": Have you ever tried to "
            + English.possessive(pick.one(topic.goals()), "your") + "?");
        lines.add(expert.name() + ": " + pick.one(List.of("Yes, a few times.", "I have, yes."))
            + " " + content.step(pick.one(topic.actions())));
      }
      case 1 -> {
        lines.add(asker.name() + ": What is " + a(thing.name()) + " actually for?");
        lines.add(expert.name() + ": " + pick.one(List.of("Good question.", "Oh, that one is easy."))
            + " " + content.role(topic, thing));
      }
      default -> {
        lines.add(asker.name() + ": Why " + why.question() + "? Any idea?");
        lines.add(expert.name() + ": " + pick.one(List.of("I read about this once.", "Good question."))
            + " " + content.reason(why));
      }
    }
    List<String> tips = content.tips(topic, 4);
    for (int i = 0; i < tips.size() && English.wordCount(String.join(" ", lines)) < targetWords; i++) {
      lines.add(asker.name() + ": " + pick.one(lexicon.reactions) + " " + pick.one(FOLLOW_UPS));
      lines.add(expert.name() + ": " + tips.get(i));
    }
    lines.add(asker.name() + ": " + pick.one(lexicon.reactions));
    return String.join("\n", lines);
  }

  /** A first-person post about trying one of the topic's goals. */
  String blogPost(Topic topic, int targetWords) {
    Map<String, String> slots = Map.of("feeling", pick.one(lexicon.feelings), "worry", pick.one(lexicon.worries),
        "action", pick.one(topic.actions()), "event", pick.one(lexicon.events),
        "relation", pick.one(lexicon.relations));
    String goal = pick.one(topic.goals());
    List<String> sentences = new ArrayList<>();
    sentences.add(capitalize(pick.one(lexicon.times)) + ", I finally decided to " + goal + ".");
    // Content and personal lines are drawn without replacement so nothing is said twice.
    List<String> content = new ArrayList<>(pick.several(topic.facts(), 2));
    content.addAll(this.content.steps(topic, 3));
    content.add(this.content.benefit(topic));
    List<String> personal = new ArrayList<>(pick.several(BLOG_LINES, BLOG_LINES.size()));
    while (English.wordCount(String.join(" ", sentences)) < targetWords
        && !(content.isEmpty() && personal.isEmpty())) {
      boolean fromContent = personal.isEmpty() || (!content.isEmpty() && pick.chance(0.5));
      sentences.add(fromContent
          ? content.remove(pick.between(0, content.size() - 1))
          : fill(personal.remove(0), slots));
    }
    sentences.add(fill(pick.one(BLOG_ENDINGS), slots));
    return String.join(" ", sentences);
  }

  /** A titled poem of one or two stanzas. */
  String poem(Topic topic, int targetWords) {
    PoemWriter writer = new PoemWriter(pick);
    String title = capitalize(pick.one(topic.images()));
    StringBuilder text = new StringBuilder(title);
    int words = 0;
    do {
      String stanza = String.join("\n", writer.poem(topic, pick.between(4, 6)));
      text.append("\n\n").append(stanza);
      words += English.wordCount(stanza);
    } while (words < Math.min(targetWords, 80));
    return text.toString();
  }
}
