package io.alignscope.jobs.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One section of the page (a stage's results or the run overview): whether it ran, key numbers
 * for the page header, facts, notes, tables and figures. A section that did not run carries only
 * the reason.
 */
final class ReportSection {
  /** A number worth seeing first, shown at the top of the page. */
  record KeyNumber(String label, String value) {}

  /** A labelled value. */
  record Fact(String label, String value) {}

  private final String id;
  private final String title;
  private final String lead;
  private final String notRun;
  private final List<KeyNumber> keyNumbers = new ArrayList<>();
  private final List<Fact> facts = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<SimpleTable> tables = new ArrayList<>();
  private final List<Figure> figures = new ArrayList<>();

  private ReportSection(String id, String title, String lead, String notRun) {
    this.id = id;
    this.title = title;
    this.lead = lead;
    this.notRun = notRun;
  }

  /** A section with results; {@code lead} says what it measures. */
  static ReportSection ran(String id, String title, String lead) {
    return new ReportSection(id, title, lead, null);
  }

  /** A section whose stage did not run, with the reason (e.g. which table is absent). */
  static ReportSection notRun(String id, String title, String lead, String reason) {
    return new ReportSection(id, title, lead, reason);
  }

  ReportSection keyNumber(String label, String value) {
    keyNumbers.add(new KeyNumber(label, value));
    return this;
  }

  ReportSection fact(String label, String value) {
    facts.add(new Fact(label, value));
    return this;
  }

  /** A remark, e.g. a chart that could not be drawn and why. */
  ReportSection note(String note) {
    notes.add(note);
    return this;
  }

  ReportSection table(SimpleTable table) {
    tables.add(table);
    return this;
  }

  ReportSection figure(Figure figure) {
    figures.add(figure);
    return this;
  }

  String id() {
    return id;
  }

  String title() {
    return title;
  }

  String lead() {
    return lead;
  }

  /** Whether the section's stage ran. */
  boolean ran() {
    return notRun == null;
  }

  /** Why the section has no results (null when it ran). */
  String notRunReason() {
    return notRun;
  }

  List<KeyNumber> keyNumbers() {
    return keyNumbers;
  }

  List<Fact> facts() {
    return facts;
  }

  List<String> notes() {
    return notes;
  }

  List<SimpleTable> tables() {
    return tables;
  }

  List<Figure> figures() {
    return figures;
  }
}
