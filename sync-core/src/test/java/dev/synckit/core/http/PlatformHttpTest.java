package dev.synckit.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.Correlation;
import dev.synckit.core.auth.AccessToken;
import dev.synckit.core.auth.BearerAuthenticator;
import dev.synckit.core.auth.Secret;
import dev.synckit.core.auth.TokenCache;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.failure.UnauthorizedException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Functional tests of the shared HTTP path against a loopback JDK server. */
class PlatformHttpTest {

    record Token(Secret value) implements AccessToken {
        @Override
        public Optional<Instant> expiresAt() {
            return Optional.empty();
        }
    }

    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> correlations = new CopyOnWriteArrayList<>();
    private volatile String validToken = "t1";

    private static final ErrorClassifier CLASSIFIER = r -> switch (r.status()) {
        case 401 -> new UnauthorizedException("refused", ErrorDetails.none().withHttpStatus(401).withPlatformCode("AUTH"));
        case 503 -> new TransientException("down", ErrorDetails.none().withHttpStatus(503));
        default -> new RejectedException("bad: " + r.body(), ErrorDetails.none().withHttpStatus(r.status()));
    };

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/data", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(String.valueOf(auth));
            correlations.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Correlation-Id")));
            boolean ok = ("Bearer " + validToken).equals(auth);
            byte[] body = (ok ? "{\"ok\":true}" : "[{\"errorCode\":\"INVALID_SESSION_ID\"}]").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(ok ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/data");
    }

    private PlatformHttp client(TokenCache<Token> tokens) {
        return PlatformHttp.builder(SourceSystem.SALESFORCE, CLASSIFIER)
                .authenticator(new BearerAuthenticator(tokens)).build();
    }

    @Test
    void send_renewsARefusedTokenOnce_andRetriesOnce() {
        AtomicInteger issued = new AtomicInteger();
        TokenCache<Token> tokens = new TokenCache<>(() -> new Token(Secret.of("t" + issued.incrementAndGet())),
                Clock.systemUTC(), Duration.ZERO);
        PlatformHttp http = client(tokens);
        assertThat(http.send(HttpCall.get(uri())).status()).isEqualTo(200);

        validToken = "t2"; // the session expired on the server
        HttpResult result = http.send(HttpCall.get(uri()));

        assertThat(result.status()).isEqualTo(200);
        assertThat(authorizations).containsExactly("Bearer t1", "Bearer t1", "Bearer t2");
        assertThat(tokens.fetchCount()).isEqualTo(2);
        assertThat(http.requestCount()).isEqualTo(3);
    }

    @Test
    void send_givesUpAfterOneRenewal_withATypedUnauthorizedException() {
        validToken = "never";
        AtomicInteger issued = new AtomicInteger();
        TokenCache<Token> tokens = new TokenCache<>(() -> new Token(Secret.of("t" + issued.incrementAndGet())),
                Clock.systemUTC(), Duration.ZERO);

        UnauthorizedException e = catchThrowableOfType(UnauthorizedException.class,
                () -> client(tokens).send(HttpCall.get(uri())));

        assertThat(authorizations).hasSize(2);
        assertThat(e.details().system()).isEqualTo(SourceSystem.SALESFORCE);
        assertThat(e.getMessage()).doesNotContain("t1").doesNotContain("t2");
    }

    @Test
    @SuppressWarnings("try") // the scope is opened for its effect on the current thread
    void send_carriesTheCurrentCorrelationId() {
        TokenCache<Token> tokens = new TokenCache<>(() -> new Token(Secret.of("t1")), Clock.systemUTC(), Duration.ZERO);
        try (Correlation.Scope ignored = Correlation.open("corr-42")) {
            client(tokens).send(HttpCall.get(uri()));
        }
        client(tokens).send(HttpCall.get(uri()));
        assertThat(correlations).containsExactly("corr-42", "null");
    }

    @Test
    void send_turnsAConnectionFailureIntoATransientException() {
        PlatformHttp http = PlatformHttp.builder(SourceSystem.NETSUITE, CLASSIFIER).build();
        URI closed = uri();
        server.stop(0);

        TransientException e = catchThrowableOfType(TransientException.class, () -> http.send(HttpCall.get(closed)));

        assertThat(e.platformCode()).contains("CONNECTION_FAILED");
        assertThat(e.details().system()).isEqualTo(SourceSystem.NETSUITE);
    }

    @Test
    void json_parse_namesTheRequestAndPosition_forAMalformedBody() {
        HttpResult truncated = new HttpResult(200, java.net.http.HttpHeaders.of(
                java.util.Map.of("Content-Type", List.of("application/json")), (a, b) -> true),
                "{\"records\":[{\"Id\":", uri(), "GET");

        TransientException e = catchThrowableOfType(TransientException.class, () -> Json.parse(truncated));

        assertThat(e.platformCode()).contains("MALFORMED_RESPONSE");
        assertThat(e.getMessage()).contains("GET /data").contains("line 1");
    }

    @Test
    void aClassifierThatThrows_isContained_asATransientFailureNamingTheRequest() {
        validToken = "never";
        PlatformHttp http = PlatformHttp.builder(SourceSystem.ZENDESK, r -> {
            throw new IllegalStateException("classifier bug");
        }).observer(r -> {
            throw new IllegalStateException("observer bug");
        }).build();

        TransientException e = catchThrowableOfType(TransientException.class, () -> http.send(HttpCall.get(uri())));

        assertThat(e.getMessage()).contains("unclassifiable response to GET /data").contains("status=401");
        assertThat(e.getCause()).hasMessage("classifier bug");
    }

    @Test
    void retryAfter_readsSecondsAndHttpDates_andIgnoresGarbage() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), java.time.ZoneOffset.UTC);
        java.util.function.Function<String, HttpResult> with = v -> new HttpResult(429, java.net.http.HttpHeaders.of(
                java.util.Map.of("Retry-After", List.of(v)), (a, b) -> true), "", uri(), "GET");

        assertThat(with.apply("120").retryAfter(clock)).contains(Duration.ofSeconds(120));
        assertThat(with.apply("Sun, 01 Mar 2026 10:00:30 GMT").retryAfter(clock)).contains(Duration.ofSeconds(30));
        assertThat(with.apply("Sun, 01 Mar 2026 09:00:00 GMT").retryAfter(clock)).contains(Duration.ZERO);
        assertThat(with.apply("soon").retryAfter(clock)).isEmpty();
        assertThat(with.apply("-5").retryAfter(clock)).isEmpty();
    }
}
