package dev.synckit.core.mapping;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A translation table between a platform's codes and canonical codes, e.g. NetSuite term id
 * {@code "2"} ⇄ canonical {@code NET30}. Look-ups ignore case. Immutable and thread-safe.
 *
 * @param name the table's name, e.g. {@code netsuite.terms}
 * @param toCanonical platform code → canonical code
 */
public record CodeTable(String name, Map<String, String> toCanonical) {

    public CodeTable {
        Objects.requireNonNull(name, "name");
        toCanonical = Map.copyOf(toCanonical);
    }

    public static CodeTable of(String name, Map<String, String> toCanonical) {
        return new CodeTable(name, toCanonical);
    }

    /** The canonical code for a platform code. */
    public Optional<String> canonical(String platformCode) {
        Objects.requireNonNull(platformCode, "platformCode");
        String direct = toCanonical.get(platformCode);
        if (direct != null) {
            return Optional.of(direct);
        }
        String wanted = platformCode.toLowerCase(Locale.ROOT);
        return toCanonical.entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(wanted))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** The platform code for a canonical code (the first one, if several platform codes map to it). */
    public Optional<String> platform(String canonicalCode) {
        Objects.requireNonNull(canonicalCode, "canonicalCode");
        return toCanonical.entrySet().stream()
                .filter(e -> e.getValue().equalsIgnoreCase(canonicalCode))
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst();
    }
}
