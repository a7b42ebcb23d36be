package dev.synckit.salesforce;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Salesforce's datetime texts. The wire format is {@code yyyy-MM-dd'T'HH:mm:ss.SSS+0000}: an offset without a
 * colon, which {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} refuses. SOQL literals are unquoted ISO-8601 with
 * {@code Z}. Stateless and thread-safe.
 */
public final class SalesforceDateTimes {

    private static final Pattern COLONLESS_OFFSET = Pattern.compile(".*[+-]\\d{4}$");
    private static final DateTimeFormatter WIRE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxx", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter ISO_OFFSET =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT).withZone(ZoneOffset.UTC);

    private SalesforceDateTimes() {
    }

    /**
     * Parses {@code 2024-05-01T10:15:30.000+0000} and the ISO variants {@code ...Z} and {@code ...+00:00}
     * (fraction optional, any offset).
     *
     * @throws DateTimeParseException if the text is none of these
     */
    public static Instant parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        if (COLONLESS_OFFSET.matcher(s).matches()) {
            s = s.substring(0, s.length() - 2) + ":" + s.substring(s.length() - 2);
        }
        return OffsetDateTime.parse(s).toInstant();
    }

    /** The wire format, e.g. {@code 2024-05-01T10:15:30.000+0000}. Sub-millisecond digits are dropped. */
    public static String format(Instant instant) {
        return WIRE.format(Objects.requireNonNull(instant, "instant"));
    }

    /** ISO-8601 with a colon offset, e.g. {@code 2024-05-01T10:15:30+00:00}, as getUpdated / getDeleted take it. */
    public static String isoOffset(Instant instant) {
        return ISO_OFFSET.format(Objects.requireNonNull(instant, "instant"));
    }

    /**
     * A SOQL datetime literal in UTC, e.g. {@code 2024-05-01T10:15:30Z}; milliseconds are written only when
     * not zero ({@code 2024-05-01T10:15:30.250Z}), so a stamp is never rounded away.
     */
    public static String soqlLiteral(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return instant.getNano() / 1_000_000 == 0 ? SECONDS.format(instant) : MILLIS.format(instant);
    }
}
