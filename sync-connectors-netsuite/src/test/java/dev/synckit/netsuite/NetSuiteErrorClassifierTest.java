package dev.synckit.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.RateLimitedException;
import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.failure.SyncException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.failure.UnauthorizedException;
import dev.synckit.core.http.HttpResult;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetSuiteErrorClassifierTest {

    private static final String ERROR_TYPE = "application/vnd.oracle.resource+json; type=error";
    private static final Instant NOW = Instant.parse("2024-01-04T08:50:20Z");
    private final NetSuiteErrorClassifier classifier = new NetSuiteErrorClassifier(Clock.fixed(NOW, ZoneOffset.UTC));

    private static HttpResult result(int status, String contentType, String body, String... headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put("Content-Type", List.of(contentType));
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], List.of(headers[i + 1]));
        }
        return new HttpResult(status, HttpHeaders.of(map, (a, b) -> true), body,
                URI.create("https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/customer/eid:X?fields=id"),
                "PUT");
    }

    private static String error(int status, String title, String code, String detail, String path) {
        return "{\"type\":\"https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.1\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"o:errorDetails\":[{\"detail\":\"" + detail + "\",\"o:errorCode\":\""
                + code + "\"" + (path == null ? "" : ",\"o:errorPath\":\"" + path + "\"") + "}]}";
    }

    @Test
    void invalidContent_isARejectionNamingTheCodeAndPath() {
        SyncException e = classifier.classify(result(400, ERROR_TYPE, error(400, "Bad Request", "INVALID_CONTENT",
                "You have entered an Invalid Field Value 9999 for the following field: item", "item.items[0].item")));
        assertThat(e).isInstanceOf(RejectedException.class);
        assertThat(e.platformCode()).contains("INVALID_CONTENT");
        assertThat(e.field()).contains("item.items[0].item");
        assertThat(e.details().httpStatus()).isEqualTo(400);
        assertThat(e.details().system()).isEqualTo(SourceSystem.NETSUITE);
        assertThat(e.getMessage()).contains("Invalid Field Value 9999", "PUT /services/rest/record/v1/customer/eid:X")
                .doesNotContain("fields=id");
    }

    @Test
    void userError_isARejectionWithoutAField() {
        SyncException e = classifier.classify(result(400, "application/json", error(400, "Bad Request", "USER_ERROR",
                "Please enter value(s) for: Company Name", null)));
        assertThat(e).isInstanceOf(RejectedException.class);
        assertThat(e.platformCode()).contains("USER_ERROR");
        assertThat(e.field()).isEmpty();
    }

    @Test
    void concurrencyLimit429_isRateLimited_honouringRetryAfterSeconds() {
        SyncException e = classifier.classify(result(429, ERROR_TYPE, error(429, "Too Many Requests",
                "CONCURRENCY_LIMIT_EXCEEDED", "Concurrent request limit exceeded. Request blocked.", null),
                "Retry-After", "7"));
        assertThat(e).isInstanceOfSatisfying(RateLimitedException.class,
                r -> assertThat(r.retryAfter()).contains(Duration.ofSeconds(7)));
        assertThat(e.platformCode()).contains("CONCURRENCY_LIMIT_EXCEEDED");
    }

    @Test
    void concurrencyLimitUnderAUserErrorTitle_isStillRateLimited_andReadsAnHttpDate() {
        String body = "{\"title\":\"Bad Request\",\"status\":400,\"o:errorCode\":\"USER_ERROR\",\"o:errorDetails\":"
                + "[{\"detail\":\"Concurrent request limit exceeded.\",\"o:errorCode\":\"CONCURRENCY_LIMIT_EXCEEDED\"}]}";
        SyncException e = classifier.classify(result(400, ERROR_TYPE, body,
                "Retry-After", "Thu, 04 Jan 2024 08:50:50 GMT"));
        assertThat(e).isInstanceOfSatisfying(RateLimitedException.class,
                r -> assertThat(r.retryAfter()).contains(Duration.ofSeconds(30)));
    }

    @Test
    void a429WithoutBody_isRateLimitedWithoutRetryAfter() {
        SyncException e = classifier.classify(result(429, "text/plain", ""));
        assertThat(e).isInstanceOfSatisfying(RateLimitedException.class, r -> assertThat(r.retryAfter()).isEmpty());
    }

    @Test
    void invalidLogin_isUnauthorized() {
        SyncException e = classifier.classify(result(401, ERROR_TYPE, error(401, "Unauthorized", "INVALID_LOGIN",
                "Invalid login attempt.", null)));
        assertThat(e).isInstanceOf(UnauthorizedException.class);
        assertThat(e.platformCode()).contains("INVALID_LOGIN");
    }

    @Test
    void serverErrors_areTransient() {
        SyncException e = classifier.classify(result(500, ERROR_TYPE, error(500, "Internal Server Error",
                "UNEXPECTED_ERROR", "An unexpected error occurred.", null)));
        assertThat(e).isInstanceOf(TransientException.class);
        assertThat(e.platformCode()).contains("UNEXPECTED_ERROR");
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void anHtmlBadGatewayPage_isTransient_andItsHtmlStaysOutOfTheMessage() {
        SyncException e = classifier.classify(result(502, "text/html",
                "<html><body><h1>502 Bad Gateway</h1></body></html>"));
        assertThat(e).isInstanceOf(TransientException.class);
        assertThat(e.getMessage()).contains("HTTP 502", "text/html").doesNotContain("<html>");
        assertThat(e.platformCode()).isEmpty();
    }

    @Test
    void aTruncatedJsonBody_isClassifiedByStatus() {
        SyncException e = classifier.classify(result(400, ERROR_TYPE, "{\"title\":\"Bad Req"));
        assertThat(e).isInstanceOf(RejectedException.class);
        assertThat(e.details().httpStatus()).isEqualTo(400);
    }

    @Test
    void notFound_isARejectionWithNonexistentId() {
        assertThat(classifier.classify(result(404, "text/html", "")).platformCode()).contains("NONEXISTENT_ID");
    }

    @Test
    void forbidden_isARejectionWithThePlatformCode() {
        SyncException e = classifier.classify(result(403, ERROR_TYPE, error(403, "Forbidden",
                "INSUFFICIENT_PERMISSION", "Permission Violation", null)));
        assertThat(e).isInstanceOf(RejectedException.class);
        assertThat(e.platformCode()).contains("INSUFFICIENT_PERMISSION");
    }
}
