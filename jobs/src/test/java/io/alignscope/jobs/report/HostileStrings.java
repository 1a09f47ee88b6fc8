package io.alignscope.jobs.report;

import java.util.List;

/** Token-like strings that try to break out of HTML, script elements and JSON. */
final class HostileStrings {
  static final String SCRIPT_BREAKOUT = "</script><script>window.alignscopeReport.errors.push('injected')</script>";
  static final String IMG_ONERROR = "<img src=x onerror=\"window.alignscopeReport.errors.push('injected-img')\">";

  static final List<String> ALL = List.of(
      SCRIPT_BREAKOUT,
      "</SCRIPT >",
      IMG_ONERROR,
      "<!-- <script>",
      "]]>",
      "\"double\" and 'single' quotes",
      "back\\slash \\u003c",
      "&amp; &lt; &#x3c;",
      "\u0000\u0001\u0007\u001b\u001f\u007f\u0085",
      "line\nbreak\ttab\rreturn",
      "\u2028line separator\u2029paragraph separator",
      "lone high \ud800 and lone low \udc00",
      "emoji \ud83d\ude00 and \u00e9\u4e2d",
      "\ufffd",
      "{{title}} ${x} `tick`",
      "");

  private HostileStrings() {}
}
