package io.alignscope.lm.tiny;

import static io.alignscope.lm.tiny.English.a;
import static io.alignscope.lm.tiny.English.capitalize;
import static io.alignscope.lm.tiny.English.fill;
import static io.alignscope.lm.tiny.English.number;

import io.alignscope.lm.tiny.AnswerContent.Shape;
import io.alignscope.lm.tiny.Topic.Thing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Instructions that ask how to do something, for lists, tips, fixes or a recommendation. */
final class PracticalTasks {
  private static final List<String> HOWTO = List.of(
      "How do I {goal}?",
      "How can I {goal}?",
      "What is the best way to {goal}?",
      "What are the steps to {goal}?",
      "I want to {goal}. Where do I start?",
      "Explain how to {goal}.",
      "Describe the steps needed to {goal}.",
      "Teach me how to {goal}.",
      "Can you show me how to {goal}?",
      "Give me step-by-step instructions to {goal}.",
      "I'd like to {goal} this weekend. How should I go about it?",
      "Is there an easy way to {goal}?",
      "Write a simple guide on how to {goal}.",
      "{Label} beginner here. How do I {goal}?",
      "{Goal}: what are the steps?");
  private static final List<String> TIPS = List.of(
      "Give me some tips to {goal}.",
      "What should I keep in mind when I try to {goal}?",
      "I want to {goal}. Any advice?",
      "Any tips for a beginner who wants to {their_goal}?",
      "What mistakes should I avoid when trying to {goal}?",
      "Share {n} tips on how to {goal}.",
      "How can I get better at {label}?",
      "What advice would you give someone who wants to {their_goal}?",
      "I'm struggling to {goal}. What can I do?",
      "Suggest a few ways to {goal}.",
      "My {relation} wants to {their_goal}. What tips can I pass on?",
      "I'm {a_person}. What would help someone who wants to {their_goal}?");
  private static final List<String> TROUBLESHOOT = List.of(
      "I keep running into {problem}. What am I doing wrong?",
      "How can I deal with {problem}?",
      "What should I do about {problem}?",
      "Help! I'm dealing with {problem}. Any ideas?",
      "What causes {problem}, and how do I fix it?",
      "Is there a way to prevent {problem}?",
      "My friend is dealing with {problem}. What would you suggest?",
      "Got any advice for handling {problem}?",
      "Dealing with {problem} is driving me crazy. How do I fix it?",
      "{Problem}: what causes it, and what can I do?");
  private static final List<String> CHOOSE = List.of(
      "Is {a_x} worth it for a beginner in {label}?",
      "Should I get {a_x} or {a_y}?",
      "Do I really need {a_x}?",
      "I'm thinking about getting {a_x}. What should I know first?",
      "Would you recommend {a_x} for someone who wants to {their_goal}?",
      "Which is better for a beginner: {a_x} or {a_y}?",
      "{A_x} vs. {a_y}: which should I get?");
  private static final List<String> VERDICTS = List.of(
      "{A_x} is worth it if you want to {goal}.",
      "{A_x} makes the most sense if you plan to {goal}.",
      "For anyone who wants to {goal}, {a_x} is a good place to start.");

  /** A kind of list: its instruction templates, answer summary and how each entry is written. */
  private record ListRecipe(List<String> templates, String summary, Function<Topic, List<String>> pool) {}

  private final List<ListRecipe> lists;
  private final Picker pick;
  private final ContentWriter content;

  PracticalTasks(Picker pick) {
    this.pick = pick;
    this.content = new ContentWriter(pick);
    Function<Topic, List<String>> tools = t -> t.things().stream()
        .map(x -> capitalize(x.name()) + " - " + x.role() + ".").toList();
    Function<Topic, List<String>> words = t -> t.items().stream().map(English::capitalize).toList();
    this.lists = List.of(
        new ListRecipe(List.of("List {n} things you need to {goal}.",
            "What {n} things should I have ready to {goal}?"), "{n} things you will need", tools),
        new ListRecipe(List.of("Name {n} tools that every {person} should know.",
            "Name {n} things {a_person} might use.", "What are some common tools {a_person} uses?"),
            "{n} useful tools", tools),
        new ListRecipe(List.of("Give me a list of {n} words related to {label}.",
            "What are some {label} words every beginner should know?",
            "Brainstorm {n} words connected to {label}."), "{n} words related to {label}", words),
        new ListRecipe(List.of("What are {n} common problems people face with {label}?",
            "Name {n} problems a beginner in {label} might run into."),
            "{n} common problems", t -> t.problems().stream().map(English::capitalize).toList()),
        new ListRecipe(List.of("List {n} benefits of learning to {goal}.",
            "Why should I {goal}? Give me {n} reasons."), "{n} benefits",
            t -> t.benefits().stream().map(English::capitalize).toList()),
        new ListRecipe(List.of("Brainstorm {n} weekend projects related to {label}.",
            "Suggest {n} fun goals for someone getting into {label}."), "{n} ideas to try",
            t -> t.goals().stream().map(g -> capitalize(English.possessive(g, "your")) + ".").toList()),
        new ListRecipe(List.of("Make a list of {n} words that describe {label}.",
            "Give me {n} adjectives for writing about {label}."), "{n} descriptive words",
            t -> t.qualities().stream().map(English::capitalize).toList()));
  }

  Task write(InstructionKind kind, Topic topic) {
    return switch (kind) {
      case HOWTO -> howTo(topic);
      case LIST -> list(topic);
      case TIPS -> tips(topic);
      case TROUBLESHOOT -> troubleshoot(topic);
      case CHOOSE -> choose(topic);
      default -> throw new IllegalArgumentException("not a practical task: " + kind);
    };
  }

  private Task howTo(Topic topic) {
    String goal = pick.one(topic.goals());
    String instruction = fill(pick.one(HOWTO), Map.of("goal", goal, "label", topic.label()));
    List<String> parts = content.steps(topic, pick.between(3, 6));
    String summary = "the steps to " + English.possessive(goal, "your");
    return new Task(InstructionKind.HOWTO, topic, instruction,
        new AnswerContent(summary, true, Shape.STEPS, parts));
  }

  private Task list(Topic topic) {
    ListRecipe recipe = pick.one(lists);
    int n = pick.between(3, 6);
    String person = pick.one(topic.people());
    Map<String, String> slots = Map.of("n", number(n), "goal", pick.one(topic.goals()),
        "label", topic.label(), "person", person, "a_person", a(person));
    String instruction = fill(pick.one(recipe.templates()), slots);
    List<String> parts = pick.several(recipe.pool().apply(topic), n);
    AnswerContent answer = new AnswerContent(fill(recipe.summary(), slots), true, Shape.ITEMS, parts);
    return new Task(InstructionKind.LIST, topic, instruction, answer);
  }

  private Task tips(Topic topic) {
    String goal = pick.one(topic.goals());
    int n = pick.between(3, 5);
    String instruction = fill(pick.one(TIPS), Map.of("goal", goal, "n", number(n), "label", topic.label(),
        "their_goal", English.possessive(goal, "their"), "relation", pick.one(Lexicon.get().relations),
        "a_person", a(pick.one(topic.people()))));
    List<String> parts = content.tips(topic, n);
    Shape shape = pick.chance(0.7) ? Shape.ITEMS : Shape.PROSE;
    String summary = "some tips to help you " + English.possessive(goal, "your");
    return new Task(InstructionKind.TIPS, topic, instruction, new AnswerContent(summary, true, shape, parts));
  }

  private Task troubleshoot(Topic topic) {
    String problem = pick.one(topic.problems());
    String instruction = fill(pick.one(TROUBLESHOOT), Map.of("problem", problem));
    List<String> actions = pick.several(topic.actions(), pick.between(2, 4));
    List<String> parts = new ArrayList<>();
    parts.add(content.fix(problem, actions.get(0)));
    actions.subList(1, actions.size()).forEach(action -> parts.add(content.step(action)));
    Shape shape = pick.chance(0.5) ? Shape.STEPS : Shape.PROSE;
    String summary = "a few ways to deal with " + problem;
    return new Task(InstructionKind.TROUBLESHOOT, topic, instruction,
        new AnswerContent(summary, true, shape, parts));
  }

  private Task choose(Topic topic) {
    List<Thing> pair = pick.several(topic.things(), 2);
    String goal = pick.one(topic.goals());
    Map<String, String> slots = Map.of("a_x", a(pair.get(0).name()), "a_y", a(pair.get(1).name()),
        "label", topic.label(), "their_goal", English.possessive(goal, "their"));
    String instruction = fill(pick.one(CHOOSE), slots);
    List<String> parts = new ArrayList<>();
    parts.add(content.role(topic, pair.get(0)));
    parts.add(content.benefit(topic));
    parts.add(fill(pick.one(VERDICTS), Map.of("a_x", a(pair.get(0).name()),
        "goal", English.possessive(goal, "your"))));
    if (pick.chance(0.4)) {
      parts.add(content.expert(topic, pick.one(topic.actions())));
    }
    return new Task(InstructionKind.CHOOSE, topic, instruction,
        new AnswerContent("my recommendation", false, Shape.PROSE, parts));
  }
}
