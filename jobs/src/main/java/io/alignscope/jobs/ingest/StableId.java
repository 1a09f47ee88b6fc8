package io.alignscope.jobs.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Content-derived record ids, for corpora without an id column (or with blank ids). The id is
 * {@code "h"} followed by the first 16 hex digits of SHA-256 over the UTF-8 bytes of {@code prompt
 * + "\0" + (response or "") + "\0" + (chosen or "") + "\0" + (rejected or "")}, so the same content
 * gets the same id in every run and every input format.
 *
 * <p>For chat input with turns before the last user turn (a system prompt, earlier exchanges), each
 * such turn adds {@code "\0" + role + "\0" + content}: otherwise two conversations ending in the
 * same question and answer would share an id. A single user turn hashes exactly like a plain
 * prompt.
 */
public final class StableId {

  private static final char SEP = '\u0000';
  private static final HexFormat HEX = HexFormat.of();

  private StableId() {}

  /** The id of a plain prompt record; {@code prompt} must not be null. */
  public static String derive(String prompt, String response, String chosen, String rejected) {
    return derive(prompt, response, chosen, rejected, List.of());
  }

  /** The id of a chat record whose context before the last user turn is {@code earlierTurns}. */
  public static String derive(
      String prompt,
      String response,
      String chosen,
      String rejected,
      List<ChatMessage> earlierTurns) {
    if (prompt == null) {
      throw new IllegalArgumentException("a stable id needs a prompt");
    }
    StringBuilder text = new StringBuilder(prompt);
    text.append(SEP).append(orEmpty(response));
    text.append(SEP).append(orEmpty(chosen));
    text.append(SEP).append(orEmpty(rejected));
    for (ChatMessage turn : earlierTurns) {
      text.append(SEP).append(turn.role()).append(SEP).append(turn.content());
    }
    byte[] digest = sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8));
    return "h" + HEX.formatHex(digest, 0, 8);
  }

  /** True when a given id is unusable: null, empty or whitespace only. */
  public static boolean isBlank(String id) {
    return id == null || id.isBlank();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e); // required of every JVM
    }
  }
}
