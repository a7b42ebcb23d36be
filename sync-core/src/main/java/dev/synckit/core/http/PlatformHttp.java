package dev.synckit.core.http;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.Correlation;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.SyncException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.failure.UnauthorizedException;
import dev.synckit.core.resilience.ConnectorResilience;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP path of every connector, over the JDK's {@link HttpClient}: adds credentials, the
 * correlation id ({@link Correlation#current()}) and a user agent; counts requests; lets observers read quota
 * headers; classifies failures with the platform's {@link ErrorClassifier} (a classifier or observer that
 * throws is contained here, once for every connector); and on an
 * {@link UnauthorizedException} invalidates the credentials once and retries once. Each call goes through
 * the platform's {@link ConnectorResilience} pipeline when one is configured; long waits are the engine's
 * business, not this class's. Thread-safe.
 */
public final class PlatformHttp {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformHttp.class);

    private final SourceSystem system;
    private final HttpClient client;
    private final Duration requestTimeout;
    private final RequestAuthenticator authenticator;
    private final ErrorClassifier classifier;
    private final ResponseObserver observer;
    private final String correlationHeader;
    private final String userAgent;
    private final LongAdder requests = new LongAdder();
    private final ConnectorResilience resilience;

    private PlatformHttp(Builder b) {
        this.system = b.system;
        this.client = b.client != null ? b.client
                : HttpClient.newBuilder().connectTimeout(b.connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
        this.requestTimeout = b.requestTimeout;
        this.authenticator = b.authenticator;
        this.classifier = b.classifier;
        this.observer = b.observer;
        this.correlationHeader = b.correlationHeader;
        this.userAgent = b.userAgent;
        this.resilience = b.resilience != null ? b.resilience : ConnectorResilience.none(b.system);
    }

    public static Builder builder(SourceSystem system, ErrorClassifier classifier) {
        return new Builder(system, classifier);
    }

    /** The platform this client talks to. */
    public SourceSystem system() {
        return system;
    }

    /** Requests sent so far (each attempt counts). */
    public long requestCount() {
        return requests.sum();
    }

    /**
     * Sends a request. Returns 2xx responses and those the call accepts; throws everything else as a
     * classified {@link SyncException}.
     */
    public HttpResult send(HttpCall call) {
        Objects.requireNonNull(call, "call");
        return resilience.call(() -> sendOnce(call));
    }

    private HttpResult sendOnce(HttpCall call) {
        HttpCall authenticated = authenticator.authenticate(call);
        HttpResult result = exchange(authenticated);
        if (isAccepted(call, result)) {
            return result;
        }
        SyncException failure = classify(result);
        if (failure instanceof UnauthorizedException && authenticator.invalidate(authenticated)) {
            LOG.debug("{} refused credentials for {}; renewing once", system.id(), result.describe());
            HttpResult again = exchange(authenticator.authenticate(call));
            if (isAccepted(call, again)) {
                return again;
            }
            throw classify(again);
        }
        throw failure;
    }

    private static boolean isAccepted(HttpCall call, HttpResult result) {
        return result.isSuccess() || call.accepted().contains(result.status());
    }

    private SyncException classify(HttpResult result) {
        SyncException e;
        try {
            e = classifier.classify(result);
        } catch (RuntimeException bug) {
            // a classifier must not throw; if one does, the status still says enough
            e = new TransientException("unclassifiable response to " + result.describe() + " (status "
                    + result.status() + ")", ErrorDetails.of(system).withHttpStatus(result.status()), bug);
        }
        return e.details().system() == null ? e.withDetails(e.details().withSystem(system)) : e;
    }

    private HttpResult exchange(HttpCall authenticated) {
        HttpCall call = authenticated;
        HttpRequest.Builder request = HttpRequest.newBuilder(authenticated.uri()).timeout(requestTimeout);
        authenticated.headers().forEach(request::header);
        request.setHeader("User-Agent", userAgent);
        Correlation.current().filter(id -> !authenticated.headers().containsKey(correlationHeader))
                .ifPresent(id -> request.setHeader(correlationHeader, id));
        HttpRequest.BodyPublisher body = authenticated.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(authenticated.body(), StandardCharsets.UTF_8);
        request.method(authenticated.method(), body);
        requests.increment();
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            HttpResult result = new HttpResult(response.statusCode(), response.headers(),
                    response.body() == null ? "" : response.body(), authenticated.uri(), authenticated.method());
            try {
                observer.onResponse(result);
            } catch (RuntimeException bug) {
                LOG.warn("{} response observer failed on {}", system.id(), result.describe(), bug);
            }
            return result;
        } catch (HttpTimeoutException e) {
            throw new TransientException("timed out after " + requestTimeout + ": " + call,
                    ErrorDetails.of(system).withPlatformCode("TIMEOUT"), e);
        } catch (IOException e) {
            throw new TransientException("connection failed: " + call + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    ErrorDetails.of(system).withPlatformCode("CONNECTION_FAILED"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException("interrupted: " + call, ErrorDetails.of(system).withPlatformCode("INTERRUPTED"), e);
        }
    }

    /** Configures a {@link PlatformHttp}. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private final SourceSystem system;
        private final ErrorClassifier classifier;
        private HttpClient client;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(120);
        private RequestAuthenticator authenticator = RequestAuthenticator.none();
        private ResponseObserver observer = ResponseObserver.none();
        private String correlationHeader = "X-Correlation-Id";
        private String userAgent = "SyncKit/0.1";
        private ConnectorResilience resilience;

        private Builder(SourceSystem system, ErrorClassifier classifier) {
            this.system = Objects.requireNonNull(system, "system");
            this.classifier = Objects.requireNonNull(classifier, "classifier");
        }

        /** A shared JDK client; by default each {@link PlatformHttp} makes its own. */
        public Builder httpClient(HttpClient value) {
            this.client = Objects.requireNonNull(value, "httpClient");
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = Objects.requireNonNull(value, "connectTimeout");
            return this;
        }

        public Builder requestTimeout(Duration value) {
            this.requestTimeout = Objects.requireNonNull(value, "requestTimeout");
            return this;
        }

        public Builder authenticator(RequestAuthenticator value) {
            this.authenticator = Objects.requireNonNull(value, "authenticator");
            return this;
        }

        public Builder observer(ResponseObserver value) {
            this.observer = Objects.requireNonNull(value, "observer");
            return this;
        }

        /** The header that carries the correlation id; default {@code X-Correlation-Id}. */
        public Builder correlationHeader(String value) {
            this.correlationHeader = Objects.requireNonNull(value, "correlationHeader");
            return this;
        }

        /**
         * The platform's resilience pipeline (rate limit, bulkhead, short retries, circuit breaker, quota
         * pacing); default: none. Share one pipeline among all clients of one platform account.
         */
        public Builder resilience(ConnectorResilience value) {
            this.resilience = Objects.requireNonNull(value, "resilience");
            return this;
        }

        public Builder userAgent(String value) {
            this.userAgent = Objects.requireNonNull(value, "userAgent");
            return this;
        }

        public PlatformHttp build() {
            return new PlatformHttp(this);
        }
    }
}
