package io.alignscope.lm.tiny;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small grammar helpers for filling templates: articles, capitals, number words, possessives. */
final class English {
  private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z_0-9]+)}");
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*");
  private static final Pattern MY = Pattern.compile("\\bmy\\b");
  private static final List<String> NUMBERS =
      List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");
  // Words that start with a vowel letter but a consonant sound, and the reverse.
  private static final List<String> CONSONANT_SOUND = List.of("uni", "use", "usu", "eu", "one");
  private static final List<String> VOWEL_SOUND = List.of("hour", "honest", "heir");

  private English() {}

  /** The noun phrase with "a" or "an" in front. */
  static String a(String noun) {
    String lower = noun.toLowerCase();
    boolean vowel = "aeiou".indexOf(lower.charAt(0)) >= 0;
    if (CONSONANT_SOUND.stream().anyMatch(lower::startsWith)) {
      vowel = false;
    }
    if (VOWEL_SOUND.stream().anyMatch(lower::startsWith)) {
      vowel = true;
    }
    return (vowel ? "an " : "a ") + noun;
  }

  static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** Lower-cases the first letter, so a sentence can follow a transition such as "Also, ". */
  static String decapitalize(String text) {
    if (text.isEmpty() || text.startsWith("I ") || text.startsWith("I'")) {
      return text;
    }
    if (text.length() > 1 && Character.isUpperCase(text.charAt(1))) {
      return text; // an acronym such as "API"
    }
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  static String number(int n) {
    return n >= 0 && n < NUMBERS.size() ? NUMBERS.get(n) : Integer.toString(n);
  }

  /** Replaces the first-person "my" of a user's goal, as in "fix a bug in my program". */
  static String possessive(String phrase, String owner) {
    return MY.matcher(phrase).replaceAll(owner);
  }

  /**
   * Replaces each {slot} in the template. A capitalised slot ({A_thing}) takes the value of its
   * lower-case name with a capital first letter. A slot with no value is a bug in the template.
   */
  static String fill(String template, Map<String, String> slots) {
    Matcher m = SLOT.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      String value = slots.get(key);
      if (value == null && Character.isUpperCase(key.charAt(0))) {
        String lower = slots.get(Character.toLowerCase(key.charAt(0)) + key.substring(1));
        value = lower == null ? null : capitalize(lower);
      }
      if (value == null) {
        throw new IllegalArgumentException("no value for {" + m.group(1) + "} in '" + template + "'");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  static int wordCount(String text) {
    Matcher m = WORD.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
