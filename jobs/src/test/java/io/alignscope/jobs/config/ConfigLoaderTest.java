package io.alignscope.jobs.config;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

  @Test
  void defaultsAreThePaperDefaults() {
    JobConfig c = ConfigLoader.load(List.of());
    assertEquals(50, c.bf().samples());
    assertEquals(0.9, c.bf().topP());
    assertEquals(1.0, c.bf().temperature());
    assertEquals(EntropyMode.EXACT, c.bf().entropy());
    assertEquals(0.4, c.nudge().gamma());
    assertEquals(16, c.nudge().chunk());
    assertEquals(List.of(Stage.SHIFT, Stage.BF, Stage.NUDGE, Stage.SELECT, Stage.REPORT), c.run().stages());
    assertEquals("# Query:\n```{prompt}```\n\n# Answer:\n```", c.models().base().wrapper());
    assertEquals(PromptFormatKind.CHAT_TEMPLATE, c.models().aligned().promptFormat());
    assertEquals("embedded:sample", c.corpus().path());
  }

  @Test
  void overridesBeatFilesWhichBeatDefaults() {
    String first = "alignscope { bf { samples = 20, seed = 1 }, nudge.gamma = 0.3 }";
    String second = "alignscope.bf.samples = 30";
    JobConfig c = ConfigLoader.load(List.of(Map.entry("a.conf", first), Map.entry("b.conf", second)),
        List.of("bf.seed=9", "alignscope.run.stages=[bf, shift]"));
    assertEquals(30, c.bf().samples(), "a later file overrides an earlier one");
    assertEquals(9, c.bf().seed(), "--set overrides files");
    assertEquals(0.3, c.nudge().gamma(), "files override defaults");
    assertEquals(List.of(Stage.SHIFT, Stage.BF), c.run().stages(), "stages run in pipeline order");
    assertEquals(0.9, c.bf().topP(), "untouched keys keep their defaults");
  }

  @Test
  void plainStringOverridesNeedNoQuotes() {
    JobConfig c = ConfigLoader.load(List.of("run.output=s3a://bucket/runs/2026-11-23", "corpus.path=/data/x.jsonl"));
    assertEquals("s3a://bucket/runs/2026-11-23", c.run().output());
    assertEquals("/data/x.jsonl", c.corpus().path());
  }

  @Test
  void everyProblemIsReportedWithItsKeyAndValue() {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(List.of(
        "bf.samples=0", "bf.top-p=1.5", "bf.entropy=approximate", "nudge.gamma=1", "run.stages=[shift, plot]",
        "bf.sampels=3", "models.base.wrapper=no slot here", "select.budget=2.5")));
    List<String> p = e.problems();
    assertTrue(p.contains("bf.samples = 0: must be between 1 and 10000"), p.toString());
    assertTrue(p.contains("bf.top-p = 1.5: must be in (0.0, 1.0]"), p.toString());
    assertTrue(p.contains("bf.entropy = 'approximate': must be one of exact, paper-compatible"), p.toString());
    assertTrue(p.contains("nudge.gamma = 1.0: must be below 1"), p.toString());
    assertTrue(p.contains("run.stages contains 'plot': each must be one of shift, bf, nudge, select, report"),
        p.toString());
    assertTrue(p.stream().anyMatch(s -> s.startsWith("unknown key bf.sampels")), p.toString());
    assertTrue(p.contains("models.base.wrapper = 'no slot here': must contain {prompt}"), p.toString());
    assertTrue(p.contains("select.budget = 2.5: must be a fraction below 1 or a whole row count"), p.toString());
    assertEquals(8, p.size(), p.toString());
  }

  @Test
  void wrongTypesAndMalformedFilesAreNamed() {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(List.of("bf.samples=many")));
    assertTrue(e.getMessage().contains("bf.samples = \"many\": wrong type"), e.getMessage());
    ConfigException parse = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(List.of(Map.entry("broken.conf", "alignscope { bf { ")), List.of()));
    assertTrue(parse.getMessage().contains("broken.conf"), parse.getMessage());
  }

  @Test
  void halfPrecisionOnTheCpuAndZipfitWithoutTargetAreRefused() {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(List.of(
        "models.device=cpu", "models.dtype=bfloat16", "select.weights.zipfit=1")));
    assertTrue(e.getMessage().contains("models.dtype = bfloat16: half precision needs models.device = cuda or auto"),
        e.getMessage());
    assertTrue(e.getMessage().contains("select.weights.zipfit = 1.0: needs select.zipfit.target"), e.getMessage());
  }

  @Test
  void budgetIsAFractionOrACount() {
    assertEquals(80, ConfigLoader.load(List.of("select.budget=0.1")).select().budgetRows(805));
    assertEquals(100, ConfigLoader.load(List.of("select.budget=100")).select().budgetRows(805));
    assertEquals(805, ConfigLoader.load(List.of("select.budget=5000")).select().budgetRows(805));
  }

  @Test
  void columnMappingsOtherThanTheDefaultAreRequired() {
    JobConfig c = ConfigLoader.load(List.of("corpus.columns.prompt=instruction"));
    assertEquals("instruction", c.corpus().columns().sourceFor(io.alignscope.jobs.ingest.CanonicalField.PROMPT));
    assertTrue(c.corpus().columns().isExplicit(io.alignscope.jobs.ingest.CanonicalField.PROMPT));
    assertFalse(c.corpus().columns().isExplicit(io.alignscope.jobs.ingest.CanonicalField.RESPONSE));
  }
}
