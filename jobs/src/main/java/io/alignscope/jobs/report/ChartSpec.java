package io.alignscope.jobs.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One chart as a Chart.js configuration (JSON only, no callbacks), built from labelled series.
 *
 * <p>Two shapes: category charts (bars or lines over shared labels, see {@link #bars} and
 * {@link #lines}) and x/y line charts over a linear x axis ({@link #xy}). Missing values (NaN) are
 * written as null, which Chart.js draws as a gap. Animation is off in every chart.
 */
final class ChartSpec {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private enum Shape { BARS, LINES, XY }

  private final Shape shape;
  private final List<String> labels;
  private final List<Series> series = new ArrayList<>();
  private boolean stacked;
  private boolean horizontal;
  private boolean everyLabel;
  private String xTitle = "";
  private String yTitle = "";
  private String y2Title;
  private Double yMax;

  private ChartSpec(Shape shape, List<String> labels) {
    this.shape = shape;
    this.labels = labels == null ? null : List.copyOf(labels);
  }

  /** A bar chart over {@code categories}. */
  static ChartSpec bars(List<String> categories) {
    return new ChartSpec(Shape.BARS, categories);
  }

  /** A line chart over {@code categories}. */
  static ChartSpec lines(List<String> categories) {
    return new ChartSpec(Shape.LINES, categories);
  }

  /** A line chart over a linear x axis. */
  static ChartSpec xy() {
    return new ChartSpec(Shape.XY, null);
  }

  /** A series of one value per category. */
  ChartSpec series(String label, List<Double> values, String color) {
    if (shape == Shape.XY) {
      throw new IllegalStateException("an x/y chart takes series(label, x, y, color)");
    }
    if (values.size() != labels.size()) {
      throw new IllegalArgumentException("series '" + label + "' has " + values.size() + " values for "
          + labels.size() + " categories");
    }
    series.add(new Series(label, null, values, color, false));
    return this;
  }

  /** A series of points on a linear x axis. */
  ChartSpec series(String label, List<Double> x, List<Double> y, String color) {
    if (shape != Shape.XY) {
      throw new IllegalStateException("a category chart takes series(label, values, color)");
    }
    if (x.size() != y.size()) {
      throw new IllegalArgumentException("series '" + label + "' has " + x.size() + " x and " + y.size() + " y");
    }
    series.add(new Series(label, x, y, color, false));
    return this;
  }

  /** A category series drawn against the right-hand axis (see {@link #secondaryAxis}). */
  ChartSpec secondarySeries(String label, List<Double> values, String color) {
    series(label, values, color);
    Series s = series.remove(series.size() - 1);
    series.add(new Series(s.label, null, s.y, s.color, true));
    return this;
  }

  /** Bars (or areas) stacked on top of each other. */
  ChartSpec stacked() {
    stacked = true;
    return this;
  }

  /** Categories on the vertical axis (long labels stay readable). */
  ChartSpec horizontal() {
    horizontal = true;
    return this;
  }

  /** Shows every category label instead of letting Chart.js skip crowded ones. */
  ChartSpec everyLabel() {
    everyLabel = true;
    return this;
  }

  /** Categories (for sizing a figure to its bars). */
  int categories() {
    return labels == null ? 0 : labels.size();
  }

  /** Axis titles: {@code x} along the categories (or linear x), {@code y} along the values. */
  ChartSpec axes(String x, String y) {
    xTitle = x;
    yTitle = y;
    return this;
  }

  /** A right-hand value axis with this title, used by {@link #secondarySeries}. */
  ChartSpec secondaryAxis(String title) {
    y2Title = title;
    return this;
  }

  /** Caps the value axis (e.g. 100 for percentages). */
  ChartSpec valueMax(double max) {
    yMax = max;
    return this;
  }

  /** Values drawn: non-missing values over all series. */
  int points() {
    int n = 0;
    for (Series s : series) {
      for (Double v : s.y) {
        if (v != null && Double.isFinite(v)) {
          n++;
        }
      }
    }
    return n;
  }

  /** The Chart.js configuration. */
  ObjectNode toJson() {
    ObjectNode config = JSON.objectNode();
    config.put("type", shape == Shape.BARS ? "bar" : "line");
    ObjectNode data = config.putObject("data");
    if (labels != null) {
      ArrayNode labelNodes = data.putArray("labels");
      labels.forEach(labelNodes::add);
    }
    ArrayNode datasets = data.putArray("datasets");
    series.forEach(s -> datasets.add(dataset(s)));
    config.set("options", options());
    return config;
  }

  private ObjectNode dataset(Series s) {
    ObjectNode d = JSON.objectNode();
    d.put("label", s.label);
    d.put("borderColor", s.color);
    d.put("backgroundColor", shape == Shape.BARS ? s.color : s.color + "33");
    d.put("borderWidth", shape == Shape.BARS ? 0 : 2);
    if (shape != Shape.BARS) {
      d.put("pointRadius", s.y.size() > 40 ? 0 : 2);
      d.put("fill", stacked);
      d.put("tension", 0.1);
    }
    if (s.secondary) {
      d.put("yAxisID", "y1");
    }
    ArrayNode values = d.putArray("data");
    for (int i = 0; i < s.y.size(); i++) {
      if (s.x == null) {
        addNumber(values, s.y.get(i));
      } else {
        ObjectNode point = values.addObject();
        point.put("x", s.x.get(i));
        if (finite(s.y.get(i))) {
          point.put("y", s.y.get(i));
        } else {
          point.putNull("y");
        }
      }
    }
    return d;
  }

  private ObjectNode options() {
    ObjectNode o = JSON.objectNode();
    o.put("animation", false);
    o.put("responsive", true);
    o.put("maintainAspectRatio", false);
    if (horizontal) {
      o.put("indexAxis", "y");
    }
    ObjectNode plugins = o.putObject("plugins");
    plugins.putObject("legend").put("display", series.size() > 1);
    ObjectNode scales = o.putObject("scales");
    ObjectNode category = axis(xTitle);
    ObjectNode value = axis(yTitle);
    value.put("beginAtZero", true);
    if (yMax != null) {
      value.put("max", yMax);
    }
    if (shape == Shape.XY) {
      category.put("type", "linear");
    }
    if (everyLabel) {
      category.putObject("ticks").put("autoSkip", false);
    }
    if (stacked) {
      category.put("stacked", true);
      value.put("stacked", true);
    }
    scales.set(horizontal ? "y" : "x", category);
    scales.set(horizontal ? "x" : "y", value);
    if (y2Title != null) {
      ObjectNode right = axis(y2Title);
      right.put("position", "right");
      right.put("beginAtZero", true);
      right.putObject("grid").put("drawOnChartArea", false);
      scales.set("y1", right);
    }
    return o;
  }

  private static ObjectNode axis(String title) {
    ObjectNode axis = JSON.objectNode();
    ObjectNode t = axis.putObject("title");
    t.put("display", !title.isEmpty());
    t.put("text", title);
    return axis;
  }

  private static void addNumber(ArrayNode array, Double value) {
    if (finite(value)) {
      array.add(value);
    } else {
      array.addNull();
    }
  }

  private static boolean finite(Double v) {
    return v != null && Double.isFinite(v);
  }

  private record Series(String label, List<Double> x, List<Double> y, String color, boolean secondary) {}
}
