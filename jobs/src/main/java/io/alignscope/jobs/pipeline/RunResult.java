package io.alignscope.jobs.pipeline;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a finished run leaves behind.
 *
 * @param output the output root
 * @param manifest the manifest that was written
 */
public record RunResult(String output, JsonNode manifest) {}
