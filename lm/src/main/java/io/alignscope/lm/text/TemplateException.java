package io.alignscope.lm.text;

/** A chat template or prompt wrapper could not be rendered for an input. */
public class TemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TemplateException(String message) {
    super(message);
  }

  public TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
