/**
 * The alignscope statistics as pure Java functions: entropy, KL divergence, token rank and
 * distribution shift, branching factor, compression distance (ZIP-FIT), IFD, the ISA information
 * score and the DEITA diversity filter.
 *
 * <p>No Spark and no dependency beyond the JDK. All logarithms are natural (results in nats), and
 * every method validates its arguments with an {@link java.lang.IllegalArgumentException} whose
 * message names the offending value. Definitions follow {@code shared/METHODS.md}.
 */
package io.alignscope.stats;
