package io.alignscope.lm.tiny;

import java.util.List;

/**
 * Web text laid out as URIAL's base-model wrapper, one or more query/answer pairs with plain
 * answers, so the base model has seen the layout the analyses later prompt it with.
 */
final class QueryAnswerDocuments {
  static final String QUERY = "# Query:\n```";
  static final String ANSWER = "```\n\n# Answer:\n```";
  static final String END = "```\n\n";

  private final Picker pick;
  private final List<Topic> topics;

  QueryAnswerDocuments(Picker pick, List<Topic> topics) {
    this.pick = pick;
    this.topics = topics;
  }

  /** Pairs of one topic (sometimes mixed), adding pairs while the document stays under the limit. */
  String document(int minWords, int maxWords) {
    int wanted = pick.chance(0.6) ? 1 : pick.chance(0.75) ? 2 : 3;
    Topic topic = pick.one(topics);
    StringBuilder text = new StringBuilder();
    int words = 0;
    for (int pairs = 0; pairs < wanted || words < minWords; pairs++) {
      Topic pairTopic = pick.chance(0.7) ? topic : pick.one(topics);
      Task task = new InstructionWriter(pick, topics).write(pick.one(List.of(InstructionKind.values())), pairTopic);
      String pair = QUERY + task.instruction() + ANSWER + new PlainStyle(pick).render(task.content()) + END;
      int pairWords = English.wordCount(pair);
      if (words + pairWords > maxWords) {
        if (words >= minWords) {
          break;
        }
        continue; // too long to fit: draw another pair
      }
      text.append(pair);
      words += pairWords;
    }
    return text.toString();
  }
}
