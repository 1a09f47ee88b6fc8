package io.alignscope.jobs.bf;

import io.alignscope.lm.infer.Generation;
import java.util.List;

/**
 * One prompt's continuations under one model and their statistics.
 *
 * @param branching the statistics
 * @param continuations the M continuations
 * @param fromAligned for nudged continuations, which tokens the aligned model produced (else null)
 */
public record BranchingOutcome(PromptBranching branching, List<Generation> continuations, List<boolean[]> fromAligned) {}
