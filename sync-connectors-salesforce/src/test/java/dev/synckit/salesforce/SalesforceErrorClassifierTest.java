package dev.synckit.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ConflictException;
import dev.synckit.core.failure.RateLimitedException;
import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.failure.SyncException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.failure.UnauthorizedException;
import dev.synckit.core.http.HttpResult;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SalesforceErrorClassifierTest {

    private final SalesforceErrorClassifier classifier = new SalesforceErrorClassifier(java.time.Duration.ofHours(1));

    private static HttpResult result(int status, String contentType, String body) {
        HttpHeaders headers = HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (a, b) -> true);
        return new HttpResult(status, headers, body, URI.create("https://na1.example/services/data/v62.0/query?q=x"),
                "GET");
    }

    private SyncException json(int status, String body) {
        return classifier.classify(result(status, "application/json;charset=UTF-8", body));
    }

    @Test
    void invalidSessionId_isUnauthorized() {
        SyncException e = json(401, "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
        assertThat(e).isInstanceOf(UnauthorizedException.class);
        assertThat(e.platformCode()).contains("INVALID_SESSION_ID");
        assertThat(e.details().system()).isEqualTo(SourceSystem.SALESFORCE);
    }

    @Test
    void totalRequestsLimit_isRateLimitedWithTheConfiguredPause_andSaysTheDailyQuotaIsExhausted() {
        SyncException e = json(403, "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
        assertThat(e).isInstanceOf(RateLimitedException.class);
        assertThat(((RateLimitedException) e).retryAfter()).contains(java.time.Duration.ofHours(1));
        assertThat(e.getMessage()).contains("daily API request quota is exhausted").contains("status=403");
    }

    @Test
    void concurrentLongTxnLimit_isTransient() {
        SyncException e = json(403,
                "[{\"message\":\"ConcurrentPerOrgLongTxn Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
        assertThat(e).isInstanceOf(TransientException.class);
        assertThat(e.platformCode()).contains("REQUEST_LIMIT_EXCEEDED");
    }

    @Test
    void unableToLockRow_wrappedInAFlowTriggerMessage_isTransient() {
        SyncException e = json(400, "[{\"message\":\"CANNOT_EXECUTE_FLOW_TRIGGER: The record couldn't be saved because"
                + " it failed to trigger a flow. UNABLE_TO_LOCK_ROW: unable to obtain exclusive access to this record\","
                + "\"errorCode\":\"CANNOT_EXECUTE_FLOW_TRIGGER\",\"fields\":[]}]");
        assertThat(e).isInstanceOf(TransientException.class);
        assertThat(e.platformCode()).contains("UNABLE_TO_LOCK_ROW");
    }

    @Test
    void htmlBadGatewayPage_isTransient_namingTheStatus() {
        SyncException e = classifier.classify(result(502, "text/html", "<html><body>Bad Gateway</body></html>"));
        assertThat(e).isInstanceOf(TransientException.class);
        assertThat(e.getMessage()).contains("502").contains("text/html");
    }

    @Test
    void htmlPageWithA4xxStatus_isRejected() {
        SyncException e = classifier.classify(result(404, "text/html", "<html>Not here</html>"));
        assertThat(e).isInstanceOf(RejectedException.class);
        assertThat(e.details().httpStatus()).isEqualTo(404);
    }

    @Test
    void serverUnavailable_isTransient() {
        assertThat(json(503, "[{\"message\":\"try later\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]"))
                .isInstanceOf(TransientException.class);
    }

    @Test
    void multipleChoices_isConflict() {
        SyncException e = json(300, "[\"/services/data/v62.0/sobjects/Account/001A\",\"/services/data/v62.0/sobjects/Account/001B\"]");
        assertThat(e).isInstanceOf(ConflictException.class);
    }

    @Test
    void invalidField_isRejected_withCodeAndFirstField() {
        SyncException e = json(400, "[{\"message\":\"No such column 'Foo__c' on entity 'Account'\","
                + "\"errorCode\":\"INVALID_FIELD\",\"fields\":[\"Foo__c\",\"Bar__c\"]}]");
        assertThat(e).isInstanceOf(RejectedException.class);
        assertThat(e.platformCode()).contains("INVALID_FIELD");
        assertThat(e.field()).contains("Foo__c");
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void jsonBodyOfAnotherShape_isClassifiedByStatus() {
        assertThat(json(500, "{\"oops\":true}")).isInstanceOf(TransientException.class);
        assertThat(json(400, "not json at all")).isInstanceOf(RejectedException.class);
    }

    @Test
    void recordErrors_rolledBackFillersAreHiddenBehindTheRealCause() {
        CollectionResult r = new CollectionResult(null, false, null, List.of(
                new RecordError("ALL_OR_NONE_OPERATION_ROLLED_BACK", "Record rolled back", List.of()),
                new RecordError("FIELD_CUSTOM_VALIDATION_EXCEPTION", "Tier must be set", List.of("Tier__c"))));

        SyncException e = SalesforceErrorClassifier.classifyRecord(r.causes(), "upsert of Account X=1");

        assertThat(e).isInstanceOf(RejectedException.class);
        assertThat(e.platformCode()).contains("FIELD_CUSTOM_VALIDATION_EXCEPTION");
        assertThat(e.field()).contains("Tier__c");
        assertThat(e.getMessage()).doesNotContain("ALL_OR_NONE").contains("Tier must be set");
    }

    @Test
    void recordErrors_onlyAFiller_isTransient() {
        CollectionResult r = new CollectionResult(null, false, null, List.of(
                new RecordError("ALL_OR_NONE_OPERATION_ROLLED_BACK", "Record rolled back", List.of())));

        assertThat(SalesforceErrorClassifier.classifyRecord(r.causes(), "upsert").failureClass())
                .isEqualTo(dev.synckit.core.failure.FailureClass.TRANSIENT);
    }

    @Test
    void recordErrors_lockWrappedInAFlowError_isTransient() {
        SyncException e = SalesforceErrorClassifier.classifyRecord(List.of(new RecordError(
                "CANNOT_EXECUTE_FLOW_TRIGGER", "The flow failed: UNABLE_TO_LOCK_ROW: unable to obtain exclusive access",
                List.of())), "upsert");

        assertThat(e).isInstanceOf(TransientException.class);
        assertThat(e.platformCode()).contains("UNABLE_TO_LOCK_ROW");
    }

    @Test
    void recordErrors_duplicateExternalId_isAConflict() {
        SyncException e = SalesforceErrorClassifier.classifyRecord(List.of(new RecordError(
                "DUPLICATE_EXTERNAL_ID", "Duplicate external id specified: X", List.of("SyncKit_Id__c"))), "upsert");

        assertThat(e).isInstanceOf(dev.synckit.core.failure.ConflictException.class);
    }

    @Test
    void wholeRequestInvalidField_namesTheColumnFromTheMessage() {
        SyncException e = json(400, "[{\"message\":\"No such column 'Tier__c' on sobject of type Account\","
                + "\"errorCode\":\"INVALID_FIELD\"}]");

        assertThat(e).isInstanceOf(RejectedException.class);
        assertThat(e.field()).contains("Tier__c");
    }
}
