package dev.synckit.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.TransientException;

/**
 * The JSON set-up connectors share for platform payloads (not canonical documents: those go through
 * {@code CanonicalJson}). Numbers are read as {@code BigDecimal}, never {@code double}. Thread-safe.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    /** The shared mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Parses a response body. A body that is not JSON (an HTML error page, a truncated page) is a
     * {@link TransientException} with code {@code MALFORMED_RESPONSE} naming the request and the position.
     */
    public static JsonNode parse(HttpResult result) {
        try {
            JsonNode node = MAPPER.readTree(result.body());
            if (node == null || node.isMissingNode()) {
                throw malformed(result, "empty body");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw malformed(result, e.getOriginalMessage() + where);
        }
    }

    /** Writes a value as JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static TransientException malformed(HttpResult result, String why) {
        return new TransientException("malformed response body of " + result.describe() + " (status "
                + result.status() + ", content type " + result.header("Content-Type").orElse("none") + "): " + why,
                ErrorDetails.none().withHttpStatus(result.status()).withPlatformCode("MALFORMED_RESPONSE"));
    }
}
