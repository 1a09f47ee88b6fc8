package io.alignscope.lm.tiny;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Renders answer content the way plain web text would: the content itself, no wrapper. */
final class PlainStyle {
  private final Picker pick;

  PlainStyle(Picker pick) {
    this.pick = pick;
  }

  String render(AnswerContent content) {
    List<String> parts = content.parts();
    return switch (content.shape()) {
      case PROSE, STORY -> paragraphs(parts);
      case STEPS -> pick.chance(0.45) ? String.join(" ", parts) : list(parts, pick.chance(0.6));
      case ITEMS -> pick.chance(0.3) ? String.join("\n", parts) : list(parts, pick.chance(0.4));
      case VERSE -> String.join("\n", parts);
      case MESSAGE -> String.join("\n\n", parts);
    };
  }

  private String paragraphs(List<String> sentences) {
    if (sentences.size() < 4 || pick.chance(0.6)) {
      return String.join(" ", sentences);
    }
    int cut = pick.between(2, sentences.size() - 2);
    return String.join(" ", sentences.subList(0, cut)) + "\n\n"
        + String.join(" ", sentences.subList(cut, sentences.size()));
  }

  static String list(List<String> items, boolean numbered) {
    List<String> lines = new ArrayList<>();
    IntStream.range(0, items.size())
        .forEach(i -> lines.add((numbered ? (i + 1) + ". " : "- ") + items.get(i)));
    return String.join("\n", lines);
  }
}
