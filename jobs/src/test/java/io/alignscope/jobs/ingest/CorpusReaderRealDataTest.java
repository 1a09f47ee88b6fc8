package io.alignscope.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The shared corpora in ../shared/data, read in place. */
class CorpusReaderRealDataTest extends IngestSparkTestBase {

  private static final String LLAMA = "alpaca_eval_llama-2-7b-chat.jsonl";
  private static final String MISTRAL = "alpaca_eval_mistral-7b-instruct-v0.2.jsonl";
  private static final String SEED = "alpaca_seed_tasks.jsonl";

  @Test
  void alpacaEvalIsCleanAndKeepsItsIds() {
    IngestResult result = reader.read(CorpusOptions.of(sharedData().resolve(LLAMA).toString()));
    IngestCounts counts = result.counts();
    assertEquals(805, counts.inputRows());
    assertEquals(805, counts.acceptedRows());
    assertEquals(Map.of(), counts.rejectedByReason());
    Row first = byId(result.accepted().collectAsList()).get("ae-0000");
    assertEquals(
        "What are the names of some famous actors that started their careers on Broadway?",
        first.getAs(CanonicalSchema.PROMPT));
    assertEquals("helpful_base", first.getAs(CanonicalSchema.SOURCE));
    assertTrue(first.<String>getAs(CanonicalSchema.ORIGIN).endsWith(LLAMA + "#1"));
  }

  @Test
  void seedTasksWithANestedResponsePath() {
    CorpusOptions options =
        CorpusOptions.builder()
            .setPath(sharedData().resolve(SEED).toString())
            .optColumns(ColumnMapping.parse("prompt=instruction, response=instances[0].output"))
            .build();
    IngestResult result = reader.read(options);
    assertEquals(175, result.counts().acceptedRows());
    assertEquals(175, result.counts().inputRows());
    Row first = byId(result.accepted().collectAsList()).get("seed_task_0");
    assertTrue(
        first.<String>getAs(CanonicalSchema.PROMPT).startsWith("Is there anything I can eat"));
    assertTrue(
        first.<String>getAs(CanonicalSchema.RESPONSE).startsWith("Yes, you can have 1 oatmeal"));
  }

  /**
   * Both AlpacaEval files use the same 805 ids (same prompts, two models' answers), so read
   * together the second file's rows are duplicates, kept apart rather than merged.
   */
  @Test
  void twoFilesWithTheSameIdsKeepTheFirstFileByName() {
    String paths = sharedData().resolve(LLAMA) + "," + sharedData().resolve(MISTRAL);
    IngestResult result = reader.read(CorpusOptions.of(paths));
    assertEquals(1610, result.counts().inputRows());
    assertEquals(805, result.counts().acceptedRows());
    assertEquals(Map.of("duplicate-id", 805L), result.counts().rejectedByReason());
    assertEquals(0, result.accepted().filter("origin not like '%" + LLAMA + "#%'").count());
  }
}
