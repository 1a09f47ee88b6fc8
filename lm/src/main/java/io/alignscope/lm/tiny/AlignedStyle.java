package io.alignscope.lm.tiny;

import static io.alignscope.lm.tiny.English.decapitalize;
import static io.alignscope.lm.tiny.English.fill;

import io.alignscope.lm.tiny.AnswerContent.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders answer content the way a chat model would: a formulaic opener, a "Here are ...:"
 * lead-in, transitions or a numbered list, sometimes a wrap-up and a hedge, and a closing offer of
 * help. The content sentences themselves are kept word for word (at most lower-cased after a
 * transition), so aligned and plain answers differ only in style.
 */
final class AlignedStyle {
  private static final double NO_OPENER = 0.05;
  private static final List<String> PROSE_FOLLOW_UPS = List.of(
      " I'm happy to help.", " I'd be happy to explain.", " Let me explain.");
  private static final Pattern QUESTION_PRAISE = Pattern.compile("question|ask");
  private static final List<String> CAREFUL_TOPICS = List.of("health", "money", "home");
  // A wrap-up sentence would only restate a bare list of words or a one-sentence summary.
  private static final List<InstructionKind> NO_WRAP_UP =
      List.of(InstructionKind.LIST, InstructionKind.CLASSIFY, InstructionKind.SUMMARIZE);

  private final Picker pick;

  AlignedStyle(Picker pick) {
    this.pick = pick;
  }

  String render(Task task) {
    AnswerContent content = task.content();
    Shape shape = content.shape();
    List<String> blocks = new ArrayList<>();
    boolean creative = task.kind().category().equals("creative");
    String opening = opening(content, creative);
    String body = body(content);
    if (shape == Shape.PROSE && !opening.isEmpty() && pick.chance(0.5)) {
      blocks.add(opening + " " + body);
    } else {
      if (!opening.isEmpty()) {
        blocks.add(opening);
      }
      blocks.add(body);
    }
    Map<String, String> slots = Map.of("label", task.topic().label(),
        "caution", task.topic().caution(), "professional", task.topic().professional());
    if (!creative) {
      if (!NO_WRAP_UP.contains(task.kind()) && pick.chance(0.4)) {
        blocks.add(fill(pick.one(AlignedPhrases.WRAP_UPS), slots));
      }
      if (pick.chance(CAREFUL_TOPICS.contains(task.topic().name()) ? 0.6 : 0.2)) {
        blocks.add(fill(pick.one(AlignedPhrases.DISCLAIMERS), slots));
      }
    }
    // An answer without an opener still gets a closer, so every aligned answer shows some style.
    if (opening.isEmpty() || opening.startsWith("Here ") || pick.chance(0.85)) {
      blocks.add(pick.one(creative ? AlignedPhrases.CREATIVE_CLOSERS : AlignedPhrases.CLOSERS));
    }
    return String.join("\n\n", blocks);
  }

  private String opening(AnswerContent content, boolean creative) {
    String opener = "";
    if (!pick.chance(NO_OPENER)) {
      List<String> openers = pick.chance(0.7)
          ? AlignedPhrases.OPENERS.subList(0, AlignedPhrases.COMMON_OPENERS)
          : AlignedPhrases.OPENERS;
      // "Great question!" does not answer a request for a poem or a story.
      opener = pick.one(creative
          ? openers.stream().filter(o -> !QUESTION_PRAISE.matcher(o).find()).toList()
          : openers);
    }
    if (content.shape() == Shape.PROSE) {
      boolean offersHelp = opener.contains("help");
      return !opener.isEmpty() && !offersHelp && pick.chance(0.4)
          ? opener + pick.one(PROSE_FOLLOW_UPS)
          : opener;
    }
    String leadIn = "Here " + (content.plural() ? "are " : "is ") + content.summary() + ":";
    return opener.isEmpty() ? leadIn : opener + " " + leadIn;
  }

  private String body(AnswerContent content) {
    List<String> parts = content.parts();
    return switch (content.shape()) {
      case PROSE -> prose(parts);
      case STEPS -> pick.chance(0.8) ? PlainStyle.list(parts, true) : sequence(parts);
      case ITEMS -> PlainStyle.list(parts, pick.chance(0.75));
      case VERSE -> String.join("\n", parts);
      case STORY -> String.join(" ", parts);
      case MESSAGE -> String.join("\n\n", parts);
    };
  }

  private String prose(List<String> sentences) {
    StringBuilder text = new StringBuilder(sentences.get(0));
    int sinceBreak = 1;
    String lastMarker = "";
    for (String sentence : sentences.subList(1, sentences.size())) {
      boolean paragraph = sinceBreak >= 2 && pick.chance(0.5);
      text.append(paragraph ? "\n\n" : " ");
      sinceBreak = paragraph ? 1 : sinceBreak + 1;
      String marker = pick.chance(0.9) ? pick.one(AlignedPhrases.TRANSITIONS) : AlignedPhrases.CONTRAST;
      if (pick.chance(0.4) && !marker.equals(lastMarker)) {
        lastMarker = marker;
        text.append(marker).append(decapitalize(sentence));
      } else {
        text.append(sentence);
      }
    }
    return text.toString();
  }

  private static String sequence(List<String> steps) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      String marker = i == steps.size() - 1
          ? AlignedPhrases.LAST_STEP
          : AlignedPhrases.SEQUENCE.get(Math.min(i, AlignedPhrases.SEQUENCE.size() - 1));
      out.add(marker + decapitalize(steps.get(i)));
    }
    return String.join(" ", out);
  }
}
