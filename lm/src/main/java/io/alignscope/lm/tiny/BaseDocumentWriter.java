package io.alignscope.lm.tiny;

import java.util.List;

/**
 * Writes one plain-text document for base-model pre-training: a URIAL-layout query/answer
 * document with probability {@link #QUERY_ANSWER_SHARE}, otherwise an article, guide, list,
 * story, dialogue, blog post or poem of 40 to 250 words.
 */
final class BaseDocumentWriter {
  static final double QUERY_ANSWER_SHARE = 0.15;
  static final int MIN_WORDS = 40;
  static final int MAX_WORDS = 250;
  private static final int ATTEMPTS = 50;

  private enum Form { ARTICLE, GUIDE, LIST, STORY, DIALOGUE, BLOG, POEM }

  // Repetition weights the draw: articles are the most common form of web text here.
  private static final List<Form> FORMS = List.of(
      Form.ARTICLE, Form.ARTICLE, Form.ARTICLE, Form.ARTICLE, Form.ARTICLE,
      Form.GUIDE, Form.GUIDE, Form.GUIDE, Form.LIST, Form.LIST, Form.STORY, Form.STORY,
      Form.DIALOGUE, Form.DIALOGUE, Form.BLOG, Form.BLOG, Form.POEM);

  private final Picker pick;
  private final List<Topic> topics;

  BaseDocumentWriter(Picker pick, List<Topic> topics) {
    this.pick = pick;
    this.topics = topics;
  }

  String write() {
    if (pick.chance(QUERY_ANSWER_SHARE)) {
      return new QueryAnswerDocuments(pick, topics).document(MIN_WORDS, MAX_WORDS);
    }
    Form form = pick.one(FORMS);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String text = write(form, pick.one(topics), pick.between(MIN_WORDS + 10, 200));
      int words = English.wordCount(text);
      if (words >= MIN_WORDS && words <= MAX_WORDS) {
        return text;
      }
    }
    throw new IllegalStateException("could not write a " + form + " document of "
        + MIN_WORDS + " to " + MAX_WORDS + " words in " + ATTEMPTS + " attempts");
  }

  private String write(Form form, Topic topic, int targetWords) {
    ReferenceDocuments reference = new ReferenceDocuments(pick);
    NarrativeDocuments narrative = new NarrativeDocuments(pick);
    return switch (form) {
      case ARTICLE -> reference.article(topic, targetWords);
      case GUIDE -> reference.guide(topic, targetWords);
      case LIST -> reference.listArticle(topic, targetWords);
      case STORY -> narrative.story(topic, targetWords);
      case DIALOGUE -> narrative.dialogue(topic, targetWords);
      case BLOG -> narrative.blogPost(topic, targetWords);
      case POEM -> narrative.poem(topic, targetWords);
    };
  }
}
