package dev.synckit.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.core.Correlation;
import dev.synckit.core.auth.CredentialsProvider;
import dev.synckit.core.auth.Secret;
import dev.synckit.core.failure.RateLimitedException;
import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.failure.UnauthorizedException;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.resilience.ConnectorResilience;
import dev.synckit.core.resilience.QuotaReading;
import dev.synckit.testkit.LoggedRequest;
import dev.synckit.testkit.MutableClock;
import dev.synckit.testkit.zendesk.ZendeskSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ZendeskClientFunctionalTest {

    private final MutableClock clock = MutableClock.create();
    private final ZendeskSimulator sim = Fixtures.simulator(clock);

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void apiToken_isSentAsBasicEmailSlashTokenColonToken() {
        ZendeskClient client = Fixtures.client(sim, clock);
        client.createOrUpdateOrganization(Fixtures.org("cust-1", "Acme"));
        String header = sim.requests().get(0).header("Authorization").orElseThrow();
        assertThat(new String(Base64.getDecoder().decode(header.substring("Basic ".length())), StandardCharsets.UTF_8))
                .isEqualTo(Fixtures.EMAIL + "/token:" + Fixtures.TOKEN);
    }

    @Test
    void wrongApiToken_isUnauthorized_withoutARetry_andTheSecretIsInNoMessage() {
        ZendeskClient client = ZendeskClient.create(ZendeskConfig.builder("acme",
                        ZendeskCredentials.apiToken(Fixtures.EMAIL, Secret.of("wrong-token-value")))
                .baseUri(sim.baseUri()).clock(clock).sleeper(clock::advance).build());
        assertThatThrownBy(() -> client.createOrUpdateOrganization(Fixtures.org("cust-1", "Acme")))
                .isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("Couldn't authenticate you")
                .hasMessageNotContaining("wrong-token-value");
        assertThat(sim.requestCount()).isEqualTo(1);
        assertThat(ZendeskCredentials.apiToken(Fixtures.EMAIL, Secret.of("wrong-token-value")).toString())
                .doesNotContain("wrong-token-value");
    }

    @Test
    void clientCredentials_fetchOneToken_renewItBeforeExpiry_andOnceAfterA401() {
        sim.registerOAuthClient("synckit", "client-secret-value");
        ZendeskClient client = ZendeskClient.create(ZendeskConfig.builder("acme", ZendeskCredentials.clientCredentials(
                        "synckit", Secret.of("client-secret-value"), "read write"))
                .baseUri(sim.baseUri()).clock(clock).sleeper(clock::advance).build());

        client.createOrUpdateOrganization(Fixtures.org("cust-1", "Acme"));
        client.createOrUpdateOrganization(Fixtures.org("cust-1", "Acme"));
        assertThat(sim.tokensIssued()).isEqualTo(1);
        assertThat(sim.requests().get(0).body()).contains("\"grant_type\":\"client_credentials\"");

        clock.advance(Duration.ofMinutes(59).plusSeconds(30)); // within the 60 s renewal margin of the 1 h token
        client.createOrUpdateOrganization(Fixtures.org("cust-1", "Acme"));
        assertThat(sim.tokensIssued()).isEqualTo(2);

        sim.revokeAllAccessTokens();
        UpsertResult r = client.createOrUpdateOrganization(Fixtures.org("cust-1", "Acme"));
        assertThat(r.created()).isFalse();
        assertThat(sim.tokensIssued()).isEqualTo(3);
        assertThat(client.tokenFetchCount()).isEqualTo(3);
    }

    @Test
    void clientCredentials_refused_isRejectedWithTheOAuthError_andNoSecret() {
        sim.registerOAuthClient("synckit", "client-secret-value");
        ZendeskClient client = ZendeskClient.create(ZendeskConfig.builder("acme", ZendeskCredentials.clientCredentials(
                        "synckit", Secret.of("not-the-secret"), "read"))
                .baseUri(sim.baseUri()).clock(clock).sleeper(clock::advance).build());
        assertThatThrownBy(() -> client.createOrUpdateOrganization(Fixtures.org("cust-1", "Acme")))
                .isInstanceOf(RejectedException.class)
                .hasMessageContaining("invalid_client")
                .hasMessageNotContaining("not-the-secret");
    }

    @Test
    void credentialsProvider_isReadForEveryRequest_soARotatedTokenNeedsNoRestart() {
        sim.registerApiToken("other@acme.test", "second-token");
        AtomicReference<ZendeskCredentials> current = new AtomicReference<>(
                ZendeskCredentials.apiToken(Fixtures.EMAIL, Secret.of(Fixtures.TOKEN)));
        CredentialsProvider<ZendeskCredentials> provider = current::get;
        ZendeskClient client = ZendeskClient.create(ZendeskConfig.builder("acme", provider)
                .baseUri(sim.baseUri()).clock(clock).sleeper(clock::advance).build());
        client.createOrUpdateOrganization(Fixtures.org("cust-1", "Acme"));
        current.set(ZendeskCredentials.apiToken("other@acme.test", Secret.of("second-token")));
        client.createOrUpdateOrganization(Fixtures.org("cust-1", "Acme"));
        assertThat(sim.authFailures()).isEmpty();
    }

    @Test
    void createOrUpdate_creates201ThenUpdates200_matchingExternalIdCaseInsensitively() {
        ZendeskClient client = Fixtures.client(sim, clock);
        UpsertResult first = client.createOrUpdateOrganization(Fixtures.org("CUST-1", "Acme"));
        ObjectNode change = Fixtures.org("cust-1", "Acme Corp");
        change.putObject("organization_fields").put("service_tier", "gold");
        UpsertResult second = client.createOrUpdateOrganization(change);

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(sim.organizations()).hasSize(1);
        assertThat(sim.organizations().get(0).path("organization_fields").path("service_tier").asText())
                .isEqualTo("gold");
    }

    @Test
    void duplicateName_isRejectedNamingTheField() {
        ZendeskClient client = Fixtures.client(sim, clock);
        client.createOrUpdateOrganization(Fixtures.org("cust-1", "Acme"));
        assertThatThrownBy(() -> client.createOrUpdateOrganization(Fixtures.org("cust-2", "acme")))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.platformCode()).contains("DuplicateValue");
                    assertThat(e.field()).contains("name");
                });
    }

    @Test
    void everyRequest_carriesTheCurrentCorrelationId() {
        ZendeskClient client = Fixtures.client(sim, clock);
        Correlation.Scope scope = Correlation.open("corr-42");
        try {
            client.createOrUpdateOrganization(Fixtures.org("cust-1", "Acme"));
        } finally {
            scope.close();
        }
        assertThat(sim.requests().get(0).header("X-Correlation-Id")).contains("corr-42");
    }

    @Test
    void quotaHeaders_areFedToTheQuotaObserver() {
        List<QuotaReading> readings = new CopyOnWriteArrayList<>();
        ZendeskClient client = ZendeskClient.create(Fixtures.config(sim, clock).quotaObserver(readings::add).build());
        client.createOrUpdateOrganization(Fixtures.org("cust-1", "Acme"));
        client.createOrUpdateOrganization(Fixtures.org("cust-2", "Beta"));
        assertThat(readings).hasSize(2);
        assertThat(readings.get(1).limit()).isEqualTo(700);
        assertThat(readings.get(1).used()).isEqualTo(2);
        assertThat(readings.get(1).quota()).isEqualTo("requests-per-minute");
        assertThat(readings.get(1).reset()).contains(Instant.parse("2026-01-01T00:01:00Z"));
    }

    @Test
    void a429_holdsEveryRequestUntilRetryAfterHasElapsed_thenTheWriteGoesThrough() {
        ZendeskClient client = Fixtures.client(sim, clock);
        sim.throttleFor(Duration.ofSeconds(7));

        UpsertResult r = client.createOrUpdateOrganization(Fixtures.org("cust-1", "Acme"));

        List<LoggedRequest> log = sim.requests();
        assertThat(log).hasSize(2);
        assertThat(log.get(0).responseStatus()).isEqualTo(429);
        assertThat(log.get(1).at()).isEqualTo(log.get(0).at().plusSeconds(7));
        assertThat(r.created()).isTrue();
        assertThat(client.rateLimitedCount()).isEqualTo(1);
    }

    @Test
    void a429Storm_isRiddenOut_noWriteLost_noRequestBeforeItsRetryAfter() {
        ZendeskClient client = Fixtures.client(sim, clock);
        for (int i = 0; i < 20; i++) {
            if (i % 5 == 0) {
                sim.throttleFor(Duration.ofSeconds(3 + i)); // a fresh storm every fifth write
            }
            client.createOrUpdateOrganization(Fixtures.org("cust-" + i, "Org " + i));
        }
        assertThat(sim.organizations()).hasSize(20);
        // any request while a storm lasted would have been answered 429 too: exactly one per storm means none was sent
        assertThat(sim.tooManyRequestsCount()).isEqualTo(4);
        List<LoggedRequest> log = sim.requests();
        int storm = 0;
        for (int i = 0; i < log.size() - 1; i++) {
            if (log.get(i).responseStatus() == 429) {
                long retryAfter = 3 + 5L * storm++;
                assertThat(log.get(i + 1).at()).isEqualTo(log.get(i).at().plusSeconds(retryAfter));
                assertThat(log.get(i + 1).responseStatus()).isEqualTo(201);
            }
        }
        assertThat(client.rateLimitedCount()).isEqualTo(4);
    }

    @Test
    void tooMany429s_reachTheCallerAsRateLimited_withTheRetryAfter() {
        ZendeskClient client = ZendeskClient.create(Fixtures.config(sim, clock).maxRateLimitRetries(0).build());
        sim.throttleFor(Duration.ofSeconds(30));
        assertThatThrownBy(() -> client.createOrUpdateOrganization(Fixtures.org("cust-1", "Acme")))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
    }

    @Test
    void theLimiter_keepsUnderThePlansRequestsPerMinute_soTheSimulatorNeverSays429() {
        ZendeskSimulator small = ZendeskSimulator.builder().clock(clock).requestsPerMinute(20).build().start();
        try {
            small.registerApiToken(Fixtures.EMAIL, Fixtures.TOKEN);
            ZendeskClient client = ZendeskClient.create(Fixtures.config(small, clock).requestsPerMinute(20).build());
            for (int i = 0; i < 50; i++) {
                client.createOrUpdateOrganization(Fixtures.org("cust-" + i, "Org " + i));
            }
            assertThat(small.tooManyRequestsCount()).isZero();
            assertThat(small.organizations()).hasSize(50);
            // 50 requests at 20 per minute: the last went out in the third minute
            assertThat(Duration.between(Instant.parse("2026-01-01T00:00:00Z"), clock.instant()))
                    .isEqualTo(Duration.ofMinutes(2));
        } finally {
            small.close();
        }
    }

    @Test
    void everyRequest_runsThroughCoresPipeline_whenOneIsConfigured_besideTheConnectorsOwnLimiter() {
        ConnectorResilience pipeline = ConnectorResilience.builder(SourceSystem.ZENDESK)
                .rateLimit(1, Duration.ofHours(1)).maxInCallWait(Duration.ZERO).retries(0).build();
        ZendeskConfig config = Fixtures.config(sim, clock).resilience(pipeline).requestsPerMinute(200).build();
        ZendeskClient client = ZendeskClient.create(config);
        int before = sim.requests().size();

        client.createOrUpdateOrganization(Fixtures.org("cust-p1", "P1"));

        // the pipeline's local limit (1 per hour) refuses the second call before it is sent
        assertThatThrownBy(() -> client.createOrUpdateOrganization(Fixtures.org("cust-p2", "P2")))
                .isInstanceOf(TransientException.class).hasMessageContaining("local rate limit");
        assertThat(sim.requests().size() - before).isEqualTo(1);
        assertThat(config.resilience()).isSameAs(pipeline);
        assertThat(config.requestsPerMinute()).isEqualTo(200);
        assertThat(Fixtures.config(sim, clock).build().resilience().hasBulkhead()).isFalse();
    }
}
