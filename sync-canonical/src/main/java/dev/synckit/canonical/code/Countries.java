package dev.synckit.canonical.code;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * ISO 3166-1 country codes. The canonical form is the upper-case alpha-2 code ({@code "US"}); the
 * normaliser also accepts alpha-3 codes, English country names and a small set of common
 * aliases ({@code "USA"}, {@code "United States"}, {@code "UK"}). Immutable and thread-safe.
 */
public final class Countries {

  private static final Set<String> ALPHA2 = Set.of(Locale.getISOCountries());
  private static final Map<String, String> LOOKUP = buildLookup();

  private Countries() {
  }

  /**
   * Tells whether a string is exactly an upper-case ISO 3166-1 alpha-2 code known to the JDK.
   *
   * @param alpha2 the candidate
   * @return true if canonical and known
   */
  public static boolean isValid(String alpha2) {
    Objects.requireNonNull(alpha2, "alpha2");
    return ALPHA2.contains(alpha2);
  }

  /**
   * Normalises a country code or name to its ISO 3166-1 alpha-2 code.
   *
   * @param input an alpha-2 or alpha-3 code in any case, an English country name, or an alias
   * @return the alpha-2 code, or empty if the input is not recognised
   */
  public static Optional<String> normalise(String input) {
    Objects.requireNonNull(input, "input");
    return Optional.ofNullable(LOOKUP.get(key(input)));
  }

  /**
   * Normalises like {@link #normalise(String)} but fails on unrecognised input.
   *
   * @param input the code or name
   * @return the alpha-2 code
   * @throws UnknownCodeException if the input is not recognised
   */
  public static String require(String input) {
    return normalise(input).orElseThrow(() -> new UnknownCodeException("ISO 3166-1 country", input));
  }

  private static String key(String s) {
    return s.strip().replace(".", "").replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
  }

  private static Map<String, String> buildLookup() {
    Map<String, String> m = new HashMap<>();
    for (String a2 : ALPHA2) {
      Locale l = new Locale.Builder().setRegion(a2).build();
      m.put(a2, a2);
      try {
        m.put(l.getISO3Country(), a2);
      } catch (java.util.MissingResourceException e) {
        // a few regions have no alpha-3 code in the JDK tables; the alpha-2 code still resolves
      }
      String name = l.getDisplayCountry(Locale.ENGLISH);
      if (!name.isEmpty() && !name.equals(a2)) {
        m.putIfAbsent(key(name), a2);
      }
    }
    Map<String, String> aliases = Map.ofEntries(
        Map.entry("UNITED STATES", "US"),
        Map.entry("UNITED STATES OF AMERICA", "US"),
        Map.entry("AMERICA", "US"),
        Map.entry("UK", "GB"),
        Map.entry("UNITED KINGDOM", "GB"),
        Map.entry("GREAT BRITAIN", "GB"),
        Map.entry("ENGLAND", "GB"),
        Map.entry("SCOTLAND", "GB"),
        Map.entry("WALES", "GB"),
        Map.entry("NORTHERN IRELAND", "GB"),
        Map.entry("HOLLAND", "NL"),
        Map.entry("THE NETHERLANDS", "NL"),
        Map.entry("DEUTSCHLAND", "DE"),
        Map.entry("SOUTH KOREA", "KR"),
        Map.entry("KOREA", "KR"),
        Map.entry("RUSSIA", "RU"),
        Map.entry("CZECH REPUBLIC", "CZ"),
        Map.entry("VIETNAM", "VN"),
        Map.entry("UAE", "AE"),
        Map.entry("IRELAND", "IE"));
    m.putAll(aliases);
    return Map.copyOf(m);
  }
}
