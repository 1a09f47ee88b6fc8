package io.alignscope.lm.tiny;

/** An instruction together with the content of its answer, before the answer is styled. */
record Task(InstructionKind kind, Topic topic, String instruction, AnswerContent content) {}
