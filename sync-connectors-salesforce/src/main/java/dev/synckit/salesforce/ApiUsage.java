package dev.synckit.salesforce;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Daily API calls used and allowed in the org's rolling 24 h window, as the last
 * {@code Sforce-Limit-Info: api-usage=N/M} response header said. Immutable and thread-safe.
 *
 * @param used calls counted so far
 * @param limit calls allowed
 */
public record ApiUsage(long used, long limit) {

    private static final Pattern API_USAGE = Pattern.compile("(?<![\\w-])api-usage=(\\d+)/(\\d+)");

    public ApiUsage {
        if (used < 0 || limit < 0) {
            throw new IllegalArgumentException("api usage must not be negative: " + used + "/" + limit);
        }
    }

    /**
     * Reads the org-wide {@code api-usage=N/M} from a {@code Sforce-Limit-Info} header value (not the
     * {@code per-app-api-usage} of pilot orgs); empty if absent or garbled.
     */
    public static Optional<ApiUsage> parse(String headerValue) {
        Matcher m = API_USAGE.matcher(headerValue);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ApiUsage(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
        } catch (NumberFormatException e) {
            return Optional.empty(); // more digits than a long holds: not a usage we can act on
        }
    }

    /** Calls left before Salesforce answers {@code REQUEST_LIMIT_EXCEEDED}. */
    public long remaining() {
        return Math.max(0, limit - used);
    }

    /** The share used, 0.0 to 1.0 (1.0 when the limit is zero). */
    public double fractionUsed() {
        return limit == 0 ? 1.0 : Math.min(1.0, (double) used / limit);
    }
}
