package io.alignscope.lm.tiny;

/**
 * GPT-2's reversible map from bytes to printable characters, which byte-level BPE vocabularies
 * (and Hugging Face's ByteLevel pre-tokenizer) use to spell every byte string as text.
 */
final class ByteUnicode {
  private static final char[] BYTE_TO_CHAR = build();

  private ByteUnicode() {}

  private static char[] build() {
    char[] map = new char[256];
    boolean[] printable = new boolean[256];
    for (int b = '!'; b <= '~'; b++) {
      printable[b] = true;
    }
    for (int b = 0xA1; b <= 0xAC; b++) {
      printable[b] = true;
    }
    for (int b = 0xAE; b <= 0xFF; b++) {
      printable[b] = true;
    }
    int next = 0;
    for (int b = 0; b < 256; b++) {
      map[b] = printable[b] ? (char) b : (char) (256 + next++);
    }
    return map;
  }

  /** The character standing for byte {@code b} (0..255). */
  static char of(int b) {
    return BYTE_TO_CHAR[b & 0xff];
  }

  /** The byte-level spelling of UTF-8 {@code text}. */
  static String encode(String text) {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length);
    for (byte b : bytes) {
      out.append(of(b));
    }
    return out.toString();
  }
}
