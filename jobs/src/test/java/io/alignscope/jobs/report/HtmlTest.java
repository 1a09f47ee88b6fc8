package io.alignscope.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void escapesMarkupCharacters() {
    assertEquals("&lt;/script&gt;&lt;b title=&quot;x&quot; class=&#39;y&#39;&gt;a &amp; b",
        Html.escape("</script><b title=\"x\" class='y'>a & b"));
  }

  @Test
  void replacesControlCharactersAndLoneSurrogates() {
    assertEquals("a\uFFFDb\uFFFDc\uFFFDd", Html.escape("a\u0000b\u001bc\u0085d"));
    assertEquals("tab\tnl\ncr\r", Html.escape("tab\tnl\ncr\r"));
    assertEquals("x\uFFFDy\uFFFDz", Html.escape("x\ud800y\udc00z"));
    assertEquals("\ud83d\ude00 \u00e9", Html.escape("\ud83d\ude00 \u00e9"));
  }

  @Test
  void nullIsEmpty() {
    assertEquals("", Html.escape(null));
  }

  @Test
  void noHostileStringKeepsMarkup() {
    for (String s : HostileStrings.ALL) {
      String escaped = Html.escape(s);
      assertFalse(escaped.contains("<") || escaped.contains(">") || escaped.contains("\"") || escaped.contains("'"),
          () -> "markup left in " + escaped);
      assertFalse(escaped.codePoints().anyMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF),
          () -> "lone surrogate left in " + escaped);
    }
  }
}
