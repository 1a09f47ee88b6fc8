/**
 * The HTML report of a run: one self-contained page ({@code report/index.html}) with Chart.js
 * inlined, drawn from the Parquet tables the other stages wrote.
 *
 * <ul>
 *   <li>{@link io.alignscope.jobs.report.ReportStage} is the pipeline stage;
 *       {@link io.alignscope.jobs.report.RunReport} renders any run folder (also used by
 *       {@code alignscope report --run DIR}); {@link io.alignscope.jobs.report.RunInfo} carries the
 *       run's configuration and manifest.
 *   <li>Sections read their tables through {@code RunTables} (each optional) and aggregate on Spark,
 *       so only chart-sized data reaches the driver; a section whose tables are absent says "not run".
 *   <li>Without Spark: {@code ChartSpec} (Chart.js configurations), {@code Histogram},
 *       {@code TokenLabels}, {@code PageRenderer} with the {@code report.html} template, and the
 *       escaping in {@code Html} (element text and attributes) and {@code ScriptJson} (JSON inside a
 *       script element).
 *   <li>The page registers every chart in {@code window.alignscopeReport} (points per chart, captured
 *       errors), mirrors it into {@code <pre id="alignscope-status">} and sets
 *       {@code body[data-ready]}, so a headless browser can check it.
 * </ul>
 */
package io.alignscope.jobs.report;
