package io.alignscope.lm.tiny;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic training text for the project's tiny base/aligned model pair, generated
 * offline from bundled word lists over 16 everyday topics.
 *
 * <p>{@link #baseDocuments} is plain text for pre-training the base model: articles, guides,
 * lists, stories, dialogues, blog posts and poems, about 15% laid out as URIAL query/answer pairs.
 * {@link #instructionExamples} pairs instructions with an aligned-style answer (for fine-tuning
 * the aligned model) and a plain answer with the same content sentences.
 *
 * <p>The same seed always gives the same text, and a shorter list is a prefix of a longer one:
 * each item draws from its own random stream split off in order.
 */
public final class SyntheticCorpus {
  // Distinct streams, so documents and examples from one seed are unrelated draws.
  private static final long DOCUMENT_STREAM = 0x6A09E667F3BCC909L;
  private static final long EXAMPLE_STREAM = 0xBB67AE8584CAA73BL;

  private final long seed;

  public SyntheticCorpus(long seed) {
    this.seed = seed;
  }

  /** {@code count} plain-text documents of 40 to 250 words each. */
  public List<String> baseDocuments(int count) {
    SplittableRandom stream = stream(DOCUMENT_STREAM, count);
    List<String> documents = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      documents.add(new BaseDocumentWriter(new Picker(stream.split()), TopicCatalog.all()).write());
    }
    return documents;
  }

  /** {@code count} instructions, each with an aligned-style and a plain answer. */
  public List<InstructionExample> instructionExamples(int count) {
    SplittableRandom stream = stream(EXAMPLE_STREAM, count);
    List<InstructionExample> examples = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Picker pick = new Picker(stream.split());
      Task task = new InstructionWriter(pick, TopicCatalog.all()).write();
      examples.add(new InstructionExample(task.instruction(), new AlignedStyle(pick).render(task),
          new PlainStyle(pick).render(task.content()), task.topic().name(), task.kind()));
    }
    return examples;
  }

  private SplittableRandom stream(long salt, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, got " + count);
    }
    return new SplittableRandom(seed ^ salt);
  }
}
