package dev.synckit.core.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** RFC 3986 percent-encoding and form bodies. Stateless and thread-safe. */
public final class UrlEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlEncoding() {
    }

    /**
     * Percent-encodes everything but the unreserved characters {@code A-Z a-z 0-9 - . _ ~}
     * (RFC 3986 §2.3), as OAuth 1.0a signatures require. Unlike {@link java.net.URLEncoder}, a space
     * becomes {@code %20} and {@code ~} stays.
     */
    public static String rfc3986(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder(bytes.length + 8);
        for (byte raw : bytes) {
            int c = raw & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return b.toString();
    }

    /** Decodes percent-escapes (and {@code +} as space when {@code plusAsSpace}); escapes are UTF-8 bytes. */
    public static String decode(String value, boolean plusAsSpace) {
        StringBuilder b = new StringBuilder(value.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length()
                    && Character.digit(value.charAt(i + 1), 16) >= 0 && Character.digit(value.charAt(i + 2), 16) >= 0) {
                pending.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
                continue;
            }
            if (pending.size() > 0) {
                b.append(pending.toString(StandardCharsets.UTF_8));
                pending.reset();
            }
            b.append(c == '+' && plusAsSpace ? ' ' : c);
        }
        if (pending.size() > 0) {
            b.append(pending.toString(StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    /** An {@code application/x-www-form-urlencoded} body, in the map's order. */
    public static String form(Map<String, String> fields) {
        StringJoiner j = new StringJoiner("&");
        fields.forEach((k, v) -> j.add(rfc3986(k) + "=" + rfc3986(v)));
        return j.toString();
    }

    /**
     * Every {@code name=value} pair of a raw query string ({@code a=1&b=2&a=3}), decoded, in order,
     * repeated names kept (OAuth 1.0a signatures need each of them).
     */
    public static List<Map.Entry<String, String>> queryPairs(String rawQuery) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.add(Map.entry(decode(k, true), decode(v, true)));
        }
        return out;
    }

    /** Parses a query string ({@code a=1&b=2}) into decoded pairs; later duplicates win. */
    public static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        queryPairs(rawQuery).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
