package io.alignscope.lm.tiny;

/**
 * One synthetic instruction with two answers carrying the same content: {@code alignedAnswer} in
 * the style of a chat model (formulaic opener, transitions, numbered lists, disclaimers, closing
 * offer of help) and {@code plainAnswer} in the style of plain web text (content only).
 *
 * @param instruction the user's request
 * @param alignedAnswer the chat-style answer the aligned tiny model is fine-tuned on
 * @param plainAnswer a base-style answer with the same content sentences and no stylistic wrapper
 * @param topic the topic name, for example {@code cooking}
 * @param kind the form of the instruction
 */
public record InstructionExample(
    String instruction, String alignedAnswer, String plainAnswer, String topic, InstructionKind kind) {}
