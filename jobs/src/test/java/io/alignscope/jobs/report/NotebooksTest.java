package io.alignscope.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every notebook in notebooks/ is an nbformat 4 document whose code cells compile with python3,
 * with no IPython magics or shell escapes, and says how to open it on EMR Studio and Dataproc.
 */
class NotebooksTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> CELL_TYPES = Set.of("code", "markdown", "raw");
  private static final Pattern CELL_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
  private static final Pattern MAGIC = Pattern.compile("(?m)^\\s*(%|!)|get_ipython\\s*\\(");
  private static final String COMPILE = String.join("\n",
      "import json, sys",
      "nb = json.load(open(sys.argv[1], encoding='utf-8'))",
      "for i, cell in enumerate(nb['cells']):",
      "    if cell['cell_type'] == 'code':",
      "        source = cell['source'] if isinstance(cell['source'], str) else ''.join(cell['source'])",
      "        compile(source, '%s cell %d' % (sys.argv[1], i), 'exec')");

  @Test
  void notebooksAreValidNbformat4() throws Exception {
    for (Path notebook : notebooks()) {
      JsonNode nb = JSON.readTree(notebook.toFile());
      String name = notebook.getFileName().toString();
      assertEquals(4, nb.path("nbformat").asInt(-1), name + ": nbformat");
      assertTrue(nb.path("nbformat_minor").isInt(), name + ": nbformat_minor");
      assertTrue(nb.path("metadata").isObject(), name + ": metadata");
      assertTrue(nb.path("cells").isArray() && nb.path("cells").size() > 0, name + ": cells");
      boolean needsIds = nb.path("nbformat_minor").asInt() >= 5;
      Set<String> ids = new HashSet<>();
      int i = 0;
      for (JsonNode cell : nb.path("cells")) {
        String where = name + " cell " + i++;
        String type = cell.path("cell_type").asText();
        assertTrue(CELL_TYPES.contains(type), where + ": cell_type " + type);
        assertTrue(cell.path("metadata").isObject(), where + ": metadata");
        assertTrue(cell.path("source").isTextual() || allText(cell.path("source")), where + ": source");
        if (needsIds || cell.has("id")) {
          assertTrue(CELL_ID.matcher(cell.path("id").asText()).matches(), where + ": id");
          assertTrue(ids.add(cell.path("id").asText()), where + ": duplicate id");
        }
        if (type.equals("code")) {
          assertTrue(cell.path("outputs").isArray(), where + ": outputs");
          assertTrue(cell.path("execution_count").isNull() || cell.path("execution_count").isInt(),
              where + ": execution_count");
          assertFalse(MAGIC.matcher(source(cell)).find(), where + ": IPython magic or shell escape in a code cell");
        } else {
          assertFalse(cell.has("outputs") || cell.has("execution_count"), where + ": outputs on a " + type + " cell");
        }
      }
    }
  }

  @Test
  void codeCellsCompileWithPython3() throws Exception {
    for (Path notebook : notebooks()) {
      Process p;
      try {
        p = new ProcessBuilder("python3", "-c", COMPILE, notebook.toString()).redirectErrorStream(true).start();
      } catch (IOException e) {
        fail("python3 is needed to check the notebooks' code cells (apt-get install -y python3): " + e.getMessage());
        return;
      }
      p.getOutputStream().close();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
      assertEquals(0, p.exitValue(), notebook.getFileName() + " does not compile:\n" + output);
    }
  }

  @Test
  void notebooksSayWhereToOpenThemAndCoverPandasAndPySpark() throws Exception {
    boolean pandas = false;
    boolean pyspark = false;
    for (Path notebook : notebooks()) {
      JsonNode nb = JSON.readTree(notebook.toFile());
      StringBuilder markdown = new StringBuilder();
      StringBuilder code = new StringBuilder();
      nb.path("cells").forEach(c -> (c.path("cell_type").asText().equals("code") ? code : markdown).append(source(c)));
      for (String needed : List.of("EMR Studio", "Dataproc", "s3a://", "gs://")) {
        assertTrue(markdown.toString().contains(needed), notebook.getFileName() + " does not mention " + needed);
      }
      pandas |= code.toString().contains("pd.read_parquet");
      pyspark |= code.toString().contains("spark.read.parquet");
    }
    assertTrue(pandas && pyspark, "notebooks with pandas and with PySpark");
  }

  private static List<Path> notebooks() throws IOException {
    Path folder = Path.of("").toAbsolutePath().getParent().resolve("notebooks");
    if (!Files.isDirectory(folder)) {
      fail("no notebooks folder at " + folder);
    }
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.filter(f -> f.getFileName().toString().endsWith(".ipynb")).sorted().forEach(found::add);
    }
    assertFalse(found.isEmpty(), "no notebooks in " + folder);
    return found;
  }

  private static boolean allText(JsonNode array) {
    if (!array.isArray()) {
      return false;
    }
    for (JsonNode n : array) {
      if (!n.isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static String source(JsonNode cell) {
    JsonNode s = cell.path("source");
    if (s.isTextual()) {
      return s.asText();
    }
    StringBuilder out = new StringBuilder();
    s.forEach(n -> out.append(n.asText()));
    return out.toString();
  }
}
