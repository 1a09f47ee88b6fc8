package io.alignscope.lm.tiny;

import static io.alignscope.lm.tiny.English.a;
import static io.alignscope.lm.tiny.English.capitalize;
import static io.alignscope.lm.tiny.English.fill;

import io.alignscope.lm.tiny.AnswerContent.Shape;
import io.alignscope.lm.tiny.Lexicon.Person;
import io.alignscope.lm.tiny.Topic.Thing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Instructions that ask for a piece of writing: poems, stories, descriptions, messages. */
final class CreativeTasks {
  private static final List<String> POEM = List.of(
      "Write a short poem about {subject}.",
      "Compose a poem about {subject}.",
      "Can you write a poem about {subject}?",
      "Write a few lines of verse about {subject}.",
      "Create a short poem inspired by {subject}.",
      "I need a poem about {subject} for a card.",
      "Give me a short, gentle poem about {subject}.",
      "I love {label}. Can you write a poem about {subject}?");
  private static final List<String> STORY = List.of(
      "Write a short story about {a_person} who wants to {goal}.",
      "Tell me a story about {name} and {a_thing}.",
      "Write a story that begins {place}.",
      "Write a bedtime story about {a_quality_person}.",
      "Can you tell me a short story about {a_person}?",
      "Write a short tale in which {name} learns to {goal}.",
      "{Name} wants to {goal}. Write a short story about what happens.");
  private static final List<String> DESCRIBE_PLACE = List.of(
      "Describe a typical day {place}.",
      "Write a short, vivid description of {image}.",
      "Paint a picture with words: {image}.",
      "Write a short paragraph about {label}.",
      "{Image}: describe this scene in a few sentences.");
  private static final List<String> DESCRIBE_THING = List.of(
      "Write a product description for {a_thing}.",
      "Describe {a_thing} to someone who has never seen one.",
      "Write a short advertisement for {a_quality_thing}.");
  // In reading order: a subset is kept, never shuffled.
  private static final List<String> SCENE = List.of(
      "{Place}, the day starts early.",
      "Nearby you can see {image}, and not far away, {image2}.",
      "Everything feels {quality} and {quality2}.",
      "{A_person} moves from one task to the next without a word.",
      "Earlier that day, {event}.",
      "It is the kind of scene that stays with you.");
  private static final List<String> PRODUCT = List.of(
      "It is {quality}, {quality2} and easy to use.",
      "Every {person} will appreciate {benefit}.",
      "It is perfect for anyone who wants to {goal}.",
      "Once you try it, you will wonder how you managed without it.");

  private static final List<String> EMAIL = List.of(
      "Write a short email to my {relation} {friend} inviting them to {goal} with me.",
      "Draft a friendly email asking my {relation} {friend} to {goal} together.",
      "{Friend} is my {relation}. Write an email inviting them to {goal} with me.",
      "Help me invite {friend} to {goal} with me. Write the email.");
  private static final List<String> THANKS = List.of(
      "Write a thank-you note to {a_person} who helped me {goal}.",
      "{A_person} helped me {goal}. Write a short thank-you note.",
      "Compose a thank-you message for {a_person} who helped me {goal}.",
      "Help me thank {a_person} for helping me {goal}.");
  private static final List<String> POST = List.of(
      "Write a short social media post about {label}.",
      "Write a cheerful post for my followers about {label}.",
      "Compose a post about an afternoon spent {place}.",
      "Give me a caption for a photo taken {place}.");

  private final Picker pick;
  private final ContentWriter content;
  private final Lexicon lexicon = Lexicon.get();

  CreativeTasks(Picker pick) {
    this.pick = pick;
    this.content = new ContentWriter(pick);
  }

  Task write(InstructionKind kind, Topic topic) {
    return switch (kind) {
      case POEM -> poem(topic);
      case STORY -> story(topic);
      case DESCRIBE -> pick.chance(0.5) || !topic.ownable() ? describeScene(topic) : describeThing(topic);
      case MESSAGE -> message(topic);
      default -> throw new IllegalArgumentException("not a creative task: " + kind);
    };
  }

  private Task poem(Topic topic) {
    String subject = switch (pick.between(0, 3)) {
      case 0 -> a(pick.one(topic.things()).name());
      case 1 -> topic.label();
      case 2 -> pick.one(topic.images());
      default -> pick.one(topic.items());
    };
    boolean fourLines = pick.chance(0.2);
    String template = fourLines ? "Write a four-line poem about {subject}." : pick.one(POEM);
    String instruction = fill(template, Map.of("subject", subject, "label", topic.label()));
    List<String> lines = new PoemWriter(pick).poem(topic, fourLines ? 4 : 2 * pick.between(2, 4));
    return new Task(InstructionKind.POEM, topic, instruction,
        new AnswerContent("a short poem about " + subject, false, Shape.VERSE, lines));
  }

  private Task story(Topic topic) {
    Person hero = lexicon.person(pick);
    String role = pick.one(topic.people());
    String goal = pick.one(topic.goals());
    Thing thing = pick.one(topic.things());
    String instruction = fill(pick.one(STORY), Map.of(
        "a_person", a(role), "goal", English.possessive(goal, "their"), "name", hero.name(),
        "a_thing", a(thing.name()), "place", pick.one(topic.places()),
        "a_quality_person", a(pick.one(lexicon.feelings) + " " + role)));
    List<String> sentences = new StoryWriter(pick).story(topic, hero, role, goal, pick.between(4, 7));
    return new Task(InstructionKind.STORY, topic, instruction,
        new AnswerContent("a short story", false, Shape.STORY, sentences));
  }

  private Task describeScene(Topic topic) {
    List<String> images = pick.several(topic.images(), 2);
    List<String> qualities = pick.several(topic.qualities(), 2);
    String person = pick.one(topic.people());
    Map<String, String> slots = Map.of("place", pick.one(topic.places()), "image", images.get(0),
        "image2", images.get(1), "label", topic.label(), "quality", qualities.get(0),
        "quality2", qualities.get(1), "a_person", a(person), "event", pick.one(lexicon.events));
    String instruction = fill(pick.one(DESCRIBE_PLACE), slots);
    List<String> parts = new ArrayList<>();
    List<String> templates = new ArrayList<>(pick.several(SCENE, pick.between(3, 5)));
    templates.sort((x, y) -> Integer.compare(SCENE.indexOf(x), SCENE.indexOf(y)));
    for (String template : templates) {
      parts.add(fill(template, slots));
    }
    return new Task(InstructionKind.DESCRIBE, topic, instruction,
        new AnswerContent("a short description", false, Shape.PROSE, parts));
  }

  private Task describeThing(Topic topic) {
    Thing thing = pick.one(topic.things());
    List<String> qualities = pick.several(topic.qualities(), 2);
    Map<String, String> slots = Map.of("a_thing", a(thing.name()),
        "a_quality_thing", a(qualities.get(0) + " " + thing.name()), "quality", qualities.get(0),
        "quality2", qualities.get(1), "person", pick.one(topic.people()),
        "benefit", pick.one(topic.benefits()),
        "goal", English.possessive(pick.one(topic.goals()), "their"));
    String instruction = fill(pick.one(DESCRIBE_THING), slots);
    List<String> parts = new ArrayList<>(List.of(content.role(topic, thing)));
    for (String template : pick.several(PRODUCT, pick.between(2, 3))) {
      parts.add(fill(template, slots));
    }
    return new Task(InstructionKind.DESCRIBE, topic, instruction,
        new AnswerContent("a short description", false, Shape.PROSE, parts));
  }

  private Task message(Topic topic) {
    String goal = pick.one(topic.goals().stream().filter(g -> !g.contains("my ")).toList());
    String friend = lexicon.person(pick).name();
    String relation = pick.one(lexicon.relations);
    return switch (pick.between(0, 2)) {
      case 0 -> {
        String instruction = fill(pick.one(EMAIL), Map.of("relation", relation, "friend", friend, "goal", goal));
        List<String> parts = List.of(
            "Subject: Want to " + goal + "?",
            "Hi " + friend + ",",
            "I was wondering if you would like to " + goal + " with me this weekend. "
                + content.fact(topic) + " Let me know what you think.",
            "Best wishes");
        yield messageTask(topic, instruction, "a short email", parts);
      }
      case 1 -> {
        String person = pick.one(topic.people());
        String instruction = fill(pick.one(THANKS), Map.of("a_person", a(person), "goal", goal));
        List<String> parts = List.of(
            "Dear " + capitalize(person) + ",",
            "Thank you so much for helping me " + goal + ". Your advice to "
                + pick.one(topic.actions()) + " made a real difference. I am grateful for your time.",
            "Warm regards");
        yield messageTask(topic, instruction, "a thank-you note", parts);
      }
      default -> {
        String place = pick.one(topic.places());
        String instruction = fill(pick.one(POST), Map.of("label", topic.label(), "place", place));
        List<String> parts = List.of(
            "Just spent the afternoon " + place + " and loved every minute. "
                + content.fact(topic) + " Who else is into " + topic.label() + "?");
        yield messageTask(topic, instruction, "a short post", parts);
      }
    };
  }

  private static Task messageTask(Topic topic, String instruction, String summary, List<String> parts) {
    return new Task(InstructionKind.MESSAGE, topic, instruction,
        new AnswerContent(summary, false, Shape.MESSAGE, parts));
  }
}
