package dev.synckit.netsuite;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.MappingException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One SuiteQL result row: lower-case column names and the text values NetSuite sends, with typed accessors. A
 * column NetSuite left out (its value was null) is empty. A value that does not parse as the asked type is a
 * {@link MappingException} naming the row id and the column. Immutable and thread-safe.
 *
 * @param values column (lower case) → value as sent
 */
public record SuiteQlRow(Map<String, String> values) {

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT);
    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    public SuiteQlRow {
        Map<String, String> copy = new TreeMap<>();
        Objects.requireNonNull(values, "values").forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), v));
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /** The row's {@code id} column, or {@code "?"} when the query did not select it. */
    public String id() {
        return string("id").orElse("?");
    }

    public Optional<String> string(String column) {
        return Optional.ofNullable(values.get(column.toLowerCase(Locale.ROOT))).filter(v -> !v.isEmpty());
    }

    public Optional<BigDecimal> decimal(String column) {
        return parse(column, "a number", BigDecimal::new);
    }

    public Optional<Long> longValue(String column) {
        return parse(column, "an integer", Long::valueOf);
    }

    /** SuiteQL booleans are {@code T} / {@code F}. */
    public Optional<Boolean> bool(String column) {
        return parse(column, "T or F", v -> switch (v) {
            case "T", "t", "true" -> Boolean.TRUE;
            case "F", "f", "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(v);
        });
    }

    /** A date as {@code yyyy-MM-dd} (ISO, e.g. from {@code TO_CHAR}) or {@code M/d/yyyy} (the default preference). */
    public Optional<LocalDate> date(String column) {
        return parse(column, "a date", v -> v.contains("/") ? LocalDate.parse(v, US_DATE) : LocalDate.parse(v));
    }

    /**
     * A date-time selected as {@code TO_CHAR(col, 'YYYY-MM-DD HH24:MI:SS')}, read in the account's time zone. In the
     * repeated hour at the end of daylight saving time the earlier instant is taken.
     */
    public Optional<ZonedDateTime> dateTime(String column, ZoneId accountZone) {
        Objects.requireNonNull(accountZone, "accountZone");
        return parse(column, "a date-time yyyy-MM-dd HH:mm:ss",
                v -> ZonedDateTime.ofLocal(LocalDateTime.parse(v, LOCAL_DATE_TIME), accountZone, null));
    }

    /** The columns present. */
    public List<String> columns() {
        return List.copyOf(values.keySet());
    }

    private <T> Optional<T> parse(String column, String what, java.util.function.Function<String, T> parser) {
        Optional<String> raw = string(column);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(raw.get().trim()));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MappingException(column + " of SuiteQL row " + id() + " is not " + what,
                    ErrorDetails.of(SourceSystem.NETSUITE).withRecordId(id()).withField(column),
                    List.of(new MappingException.FieldError(column, "is not " + what)));
        }
    }
}
