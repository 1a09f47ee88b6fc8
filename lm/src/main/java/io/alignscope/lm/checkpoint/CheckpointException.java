package io.alignscope.lm.checkpoint;

/** A checkpoint folder is missing, malformed, or describes a model this runtime cannot run. */
public class CheckpointException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CheckpointException(String message) {
    super(message);
  }

  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
