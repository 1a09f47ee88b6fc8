package io.alignscope.jobs.models;

/** The configured model pair cannot be run; raised on the driver before any task starts. */
public class ModelValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelValidationException(String message, Throwable cause) {
    super(message, cause);
  }

  public ModelValidationException(String message) {
    super(message);
  }
}
