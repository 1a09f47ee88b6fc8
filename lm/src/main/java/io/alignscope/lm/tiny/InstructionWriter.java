package io.alignscope.lm.tiny;

import java.util.List;

/**
 * Picks a topic and an instruction kind, writes the task with the matching generator and, like
 * real users, sometimes adds a greeting, a closing remark or types in lower case.
 */
final class InstructionWriter {
  private static final List<String> GREETINGS = List.of(
      "Hi! ", "Hello! ", "Hey, ", "Quick question. ", "I have a question. ", "Please help. ",
      "Good morning! ");
  private static final List<String> REMARKS = List.of(
      " Please keep it short.", " Thanks!", " Thank you.", " Keep it simple, please.",
      " Explain it simply.");
  private static final List<InstructionKind> KINDS = List.of(InstructionKind.values());

  private final Picker pick;
  private final List<Topic> topics;

  InstructionWriter(Picker pick, List<Topic> topics) {
    this.pick = pick;
    this.topics = topics;
  }

  Task write() {
    InstructionKind kind = pick.one(KINDS);
    boolean needsOwnable = kind == InstructionKind.CHOOSE;
    return write(kind, pick.one(topics.stream().filter(t -> t.ownable() || !needsOwnable).toList()));
  }

  Task write(InstructionKind kind, Topic topic) {
    Task task = switch (kind.category()) {
      case "knowledge" -> new KnowledgeTasks(pick, topics).write(kind, topic);
      case "creative" -> new CreativeTasks(pick).write(kind, topic);
      default -> new PracticalTasks(pick).write(kind, topic);
    };
    return new Task(task.kind(), task.topic(), casual(task.instruction(), kind), task.content());
  }

  private String casual(String instruction, InstructionKind kind) {
    String text = instruction;
    if (pick.chance(0.12)) {
      text = pick.one(GREETINGS) + text;
    }
    // The remarks ask for brevity or simplicity, which fits questions but not requests for writing.
    if (pick.chance(0.1) && !text.contains("\n") && !kind.category().equals("creative")) {
      text = text + pick.one(REMARKS);
    }
    if (pick.chance(0.05)) {
      text = English.decapitalize(text);
    }
    return text;
  }
}
