package dev.synckit.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synckit.core.auth.Secret;
import dev.synckit.core.failure.RateLimitedException;
import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.testkit.FaultRule;
import dev.synckit.testkit.salesforce.SalesforceSimulator;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SalesforceClientFunctionalTest {

    private static final String CLIENT_SECRET = "s3cr3t-Client-Value-42";

    private SalesforceSimulator sim;

    @AfterEach
    void close() {
        if (sim != null) {
            sim.close();
        }
    }

    private SalesforceSimulator start(SalesforceSimulator simulator) {
        sim = simulator;
        sim.start();
        sim.registerClient("client-1", CLIENT_SECRET);
        return sim;
    }

    private SalesforceClient clientCredentialsClient() {
        return SalesforceClient.create(SalesforceConfig.builder().loginUrl(sim.baseUri())
                .credentials(new SalesforceCredentials.ClientCredentials("client-1", Secret.of(CLIENT_SECRET)))
                .build());
    }

    private static long count(SalesforceClient client, String soql) {
        return client.query(soql).mapToLong(p -> p.rows().size()).sum();
    }

    @Test
    void clientCredentials_getAToken_andQueryWithIt() {
        start(SalesforceSimulator.create());
        sim.seedRecord("Account", Map.of("Name", "Acme"));
        SalesforceClient client = clientCredentialsClient();

        List<SObjectRecord> records = client.query("SELECT Id, Name FROM Account")
                .flatMap(p -> p.records("Account").stream()).toList();

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo("Account");
            assertThat(r.text("Name")).contains("Acme");
        });
        assertThat(sim.tokensIssued()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("try") // the scope is opened for its effect on the current thread
    void requests_carryTheCurrentCorrelationId() {
        start(SalesforceSimulator.create());
        sim.seedRecord("Account", Map.of("Name", "Acme"));
        SalesforceClient client = clientCredentialsClient();

        try (dev.synckit.core.Correlation.Scope ignored = dev.synckit.core.Correlation.open("corr-7")) {
            count(client, "SELECT Id FROM Account");
        }

        assertThat(sim.requests()).filteredOn(r -> r.path().contains("/query"))
                .singleElement().satisfies(r -> assertThat(r.header("X-Correlation-Id")).contains("corr-7"));
    }

    @Test
    void jwtBearer_signsAnAssertionTheServerVerifies() throws NoSuchAlgorithmException {
        start(SalesforceSimulator.create());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        sim.registerJwtBearer("consumer-key", "integration@acme.example", keys.getPublic());
        sim.seedRecord("Account", Map.of("Name", "Acme"));
        SalesforceClient client = SalesforceClient.create(SalesforceConfig.builder().loginUrl(sim.baseUri())
                .credentials(new SalesforceCredentials.JwtBearer("consumer-key", "integration@acme.example",
                        keys.getPrivate()))
                .build());

        assertThat(count(client, "SELECT Id FROM Account")).isEqualTo(1);
        assertThat(sim.tokensIssued()).isEqualTo(1);
    }

    @Test
    void jwtBearer_forAnUnapprovedUser_isRejectedWithTheOAuthError() throws NoSuchAlgorithmException {
        start(SalesforceSimulator.create());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        sim.registerJwtBearer("consumer-key", "integration@acme.example", keys.getPublic());
        SalesforceClient client = SalesforceClient.create(SalesforceConfig.builder().loginUrl(sim.baseUri())
                .credentials(new SalesforceCredentials.JwtBearer("consumer-key", "someone@else.example",
                        keys.getPrivate()))
                .build());

        assertThatThrownBy(() -> count(client, "SELECT Id FROM Account"))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.platformCode()).contains("invalid_grant");
                    assertThat(e.getMessage()).contains("user hasn't approved this consumer");
                });
    }

    @Test
    void token_isCachedForManyCalls_andRenewedOnceAfterSessionsExpire() {
        start(SalesforceSimulator.create());
        sim.seedRecord("Account", Map.of("Name", "Acme"));
        SalesforceClient client = clientCredentialsClient();

        for (int i = 0; i < 5; i++) {
            assertThat(count(client, "SELECT Id FROM Account")).isEqualTo(1);
        }
        assertThat(sim.tokensIssued()).isEqualTo(1);

        sim.expireAllSessions();
        assertThat(count(client, "SELECT Id FROM Account")).isEqualTo(1);
        assertThat(count(client, "SELECT Id FROM Account")).isEqualTo(1);
        assertThat(sim.tokensIssued()).isEqualTo(2);
    }

    @Test
    void wrongClientSecret_isRejected_andNeverShowsTheSecret() {
        start(SalesforceSimulator.create());
        String wrong = "wrong-Secret-Value-99";
        SalesforceClient client = SalesforceClient.create(SalesforceConfig.builder().loginUrl(sim.baseUri())
                .credentials(new SalesforceCredentials.ClientCredentials("client-1", Secret.of(wrong))).build());

        assertThatThrownBy(() -> count(client, "SELECT Id FROM Account"))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.platformCode()).contains("invalid_client");
                    assertThat(e.getMessage()).doesNotContain(wrong);
                });
        SalesforceCredentials credentials = new SalesforceCredentials.ClientCredentials("client-1", Secret.of(wrong));
        assertThat(credentials.toString()).doesNotContain(wrong).contains("client-1");
        assertThat(client.config().toString()).doesNotContain(wrong);
        assertThat(client.toString()).doesNotContain(wrong);
        assertThat(new SalesforceToken(Secret.of("00Dtoken!abc"), sim.baseUri()).toString()).doesNotContain("00Dtoken");
    }

    @Test
    void fiveThousandAccounts_areReadPageByPage_eachExactlyOnce() {
        start(SalesforceSimulator.builder().pageSize(2000).build());
        Set<String> seeded = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            seeded.add(sim.seedRecord("Account", Map.of("Name", "Account " + i)));
        }
        SalesforceClient client = clientCredentialsClient();

        List<SObjectPage> pages = client.query("SELECT Id, Name FROM Account ORDER BY Id").toList();

        assertThat(pages).extracting(p -> p.rows().size()).containsExactly(2000, 2000, 1000);
        assertThat(pages).extracting(SObjectPage::done).containsExactly(false, false, true);
        List<String> ids = pages.stream().flatMap(p -> p.records("Account").stream()).map(SObjectRecord::id).toList();
        assertThat(ids).hasSize(5000).doesNotHaveDuplicates();
        assertThat(Set.copyOf(ids)).isEqualTo(seeded);
    }

    @Test
    void query_fetchesTheNextBatchOnlyWhenTheStreamReachesIt() {
        start(SalesforceSimulator.builder().pageSize(10).build());
        for (int i = 0; i < 50; i++) {
            sim.seedRecord("Account", Map.of("Name", "A" + i));
        }
        SalesforceClient client = clientCredentialsClient();

        assertThat(client.query("SELECT Id FROM Account").findFirst()).isPresent();
        assertThat(client.requestCount()).isEqualTo(1);
    }

    @Test
    void sforceLimitInfo_isExposedAsLastApiUsage() {
        start(SalesforceSimulator.builder().dailyApiLimit(5000).build());
        SalesforceClient client = clientCredentialsClient();
        assertThat(client.lastApiUsage()).isEmpty();

        count(client, "SELECT Id FROM Account");

        assertThat(client.lastApiUsage()).hasValueSatisfying(u -> {
            assertThat(u.limit()).isEqualTo(5000);
            assertThat(u.used()).isEqualTo(1);
        });
    }

    @Test
    void exhaustedDailyQuota_isRateLimited() {
        start(SalesforceSimulator.builder().dailyApiLimit(1).build());
        SalesforceClient client = clientCredentialsClient();
        count(client, "SELECT Id FROM Account");

        assertThatThrownBy(() -> count(client, "SELECT Id FROM Account"))
                .isInstanceOf(RateLimitedException.class).hasMessageContaining("daily API request quota");
    }

    @Test
    void invalidField_isRejectedWithTheSalesforceCode() {
        start(SalesforceSimulator.create());
        SalesforceClient client = clientCredentialsClient();

        assertThatThrownBy(() -> count(client, "SELECT Id, Nope__c FROM Account"))
                .isInstanceOfSatisfying(RejectedException.class,
                        e -> assertThat(e.platformCode()).contains("INVALID_FIELD"));
    }

    @Test
    void gatewayHtmlPage_isTransient() {
        start(SalesforceSimulator.create());
        SalesforceClient client = clientCredentialsClient();
        sim.faults().add(FaultRule.status(502).withBody("text/html", "<html>Bad Gateway</html>")
                .matching("GET", "/services/data/.*").times(1));

        assertThatThrownBy(() -> count(client, "SELECT Id FROM Account")).isInstanceOf(TransientException.class)
                .hasMessageContaining("502");
        assertThat(count(client, "SELECT Id FROM Account")).isZero();
    }
}
