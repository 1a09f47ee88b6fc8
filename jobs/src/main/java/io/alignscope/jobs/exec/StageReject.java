package io.alignscope.jobs.exec;

/**
 * A row a model stage refused (too many tokens, no answer to score, ...), kept for the rejects
 * output with the record that caused it.
 *
 * @param record the refused row
 * @param reason short label, e.g. "prompt-too-many-tokens"
 * @param detail what exactly is wrong
 */
public record StageReject(PromptRecord record, String reason, String detail) {}
