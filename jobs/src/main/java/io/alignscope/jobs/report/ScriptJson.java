package io.alignscope.jobs.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON that can sit verbatim inside a {@code <script type="application/json">} element.
 *
 * <p>The HTML parser ends a script element at the first {@code </script}, and treats {@code <!--}
 * specially; the output therefore never contains {@code <}, {@code >} or {@code &} (they are written
 * as {@code \u003c}-style escapes), nor DEL or any non-ASCII character (U+2028/U+2029, unpaired
 * surrogates and everything else beyond ASCII are escaped too). {@code JSON.parse} in the page
 * restores the original strings exactly.
 */
final class ScriptJson {
  private static final ObjectMapper MAPPER = mapper();

  private ScriptJson() {}

  /** {@code node} as compact, script-safe, ASCII-only JSON. */
  static String embed(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the report data: " + e.getMessage(), e);
    }
  }

  private static ObjectMapper mapper() {
    ObjectMapper mapper = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    mapper.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
    return mapper;
  }

  /** Standard JSON escapes plus {@code < > & '} and DEL as Unicode escapes. */
  private static final class HtmlSafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    HtmlSafeEscapes() {
      for (char c : new char[] {'<', '>', '&', '\'', '\u007f'}) {
        ascii[c] = CharacterEscapes.ESCAPE_STANDARD;
      }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }
}
