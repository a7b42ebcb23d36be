package dev.synckit.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synckit.core.failure.ConflictException;
import dev.synckit.core.failure.FailureClass;
import dev.synckit.core.failure.RateLimitedException;
import dev.synckit.core.failure.SyncException;
import dev.synckit.core.http.HttpResult;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZendeskErrorClassifierTest {

    private final ZendeskErrorClassifier classifier =
            new ZendeskErrorClassifier(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    private static HttpResult result(int status, String contentType, String body, String... headers) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        map.put("Content-Type", List.of(contentType));
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], List.of(headers[i + 1]));
        }
        return new HttpResult(status, HttpHeaders.of(map, (a, b) -> true), body,
                URI.create("https://acme.zendesk.com/api/v2/users/create_or_update"), "POST");
    }

    private static final String JSON = "application/json; charset=utf-8";

    @Test
    void classify_recordInvalidWithDetails_isRejectedNamingTheInnerCodeAndField() {
        SyncException e = classifier.classify(result(422, JSON, "{\"error\":\"RecordInvalid\",\"description\":"
                + "\"Record validation errors\",\"details\":{\"email\":[{\"description\":\"Email: ann@acme.test is"
                + " already being used by another user\",\"error\":\"DuplicateValue\"}]}}"));
        assertThat(e.failureClass()).isEqualTo(FailureClass.REJECTED);
        assertThat(e.platformCode()).contains("DuplicateValue");
        assertThat(e.field()).contains("email");
        assertThat(e.getMessage()).contains("already being used").contains("status=422");
    }

    @Test
    void classify_detailWithoutInnerError_fallsBackToTheOuterCode() {
        SyncException e = classifier.classify(result(422, JSON, "{\"error\":\"RecordInvalid\",\"description\":"
                + "\"Record validation errors\",\"details\":{\"status\":[{\"description\":\"Status: closed prevents"
                + " ticket update\"}]}}"));
        assertThat(e.platformCode()).contains("RecordInvalid");
        assertThat(e.field()).contains("status");
    }

    @Test
    void classify_jsonApiErrorsArray_isParsedToo() {
        SyncException e = classifier.classify(result(400, JSON, "{\"errors\":[{\"code\":\"InvalidPaginationParameter\","
                + "\"title\":\"Invalid Pagination Parameter\",\"detail\":\"page[size] must be between 1 and 100\","
                + "\"status\":\"400\",\"source\":{\"parameter\":\"page[size]\"}}]}"));
        assertThat(e.failureClass()).isEqualTo(FailureClass.REJECTED);
        assertThat(e.platformCode()).contains("InvalidPaginationParameter");
        assertThat(e.field()).contains("page[size]");
    }

    @Test
    void classify_objectValuedError_usesItsTitle() {
        SyncException e = classifier.classify(result(400, JSON, "{\"error\":{\"title\":\"Invalid attribute\","
                + "\"message\":\"You passed an invalid value for the id attribute.\"}}"));
        assertThat(e.platformCode()).contains("Invalid attribute");
        assertThat(e.getMessage()).contains("invalid value for the id attribute");
    }

    @Test
    void classify_401BareError_isUnauthorized() {
        SyncException e = classifier.classify(result(401, JSON, "{\"error\":\"Couldn't authenticate you\"}"));
        assertThat(e.failureClass()).isEqualTo(FailureClass.UNAUTHORIZED);
        assertThat(e.platformCode()).contains("Couldn't authenticate you");
    }

    @Test
    void classify_429_carriesRetryAfterExactly_inSecondsOrAsHttpDate() {
        SyncException seconds = classifier.classify(result(429, JSON, "{\"error\":\"APIRateLimitExceeded\","
                + "\"description\":\"Number of allowed incremental export API requests per minute exceeded\"}",
                "Retry-After", "37"));
        assertThat(seconds).isInstanceOfSatisfying(RateLimitedException.class,
                r -> assertThat(r.retryAfter()).contains(Duration.ofSeconds(37)));
        assertThat(seconds.platformCode()).contains("APIRateLimitExceeded");
        SyncException date = classifier.classify(result(429, "text/plain", "Too Many Requests",
                "Retry-After", "Thu, 01 Jan 2026 00:01:30 GMT"));
        assertThat(date).isInstanceOfSatisfying(RateLimitedException.class,
                r -> assertThat(r.retryAfter()).contains(Duration.ofSeconds(90)));
    }

    @Test
    void classify_409IsConflict_5xxIsTransient_textPlainIsKeptAsText() {
        assertThat(classifier.classify(result(409, JSON, "{\"error\":\"UpdateConflict\"}")))
                .isInstanceOf(ConflictException.class);
        SyncException e = classifier.classify(result(503, "text/plain", "Maintenance", "Retry-After", "5"));
        assertThat(e.failureClass()).isEqualTo(FailureClass.TRANSIENT);
        assertThat(e.details().retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(e.getMessage()).contains("Maintenance");
    }

    @Test
    void classify_garbage_neverThrows() {
        SyncException e = classifier.classify(result(418, JSON, "{not json"));
        assertThat(e.failureClass()).isEqualTo(FailureClass.REJECTED);
        assertThat(classifier.classify(result(302, JSON, "")).failureClass()).isEqualTo(FailureClass.TRANSIENT);
    }
}
