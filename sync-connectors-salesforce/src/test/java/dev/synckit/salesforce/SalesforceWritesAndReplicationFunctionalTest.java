package dev.synckit.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synckit.core.auth.Secret;
import dev.synckit.core.failure.ConflictException;
import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.http.Json;
import dev.synckit.core.resilience.QuotaReading;
import dev.synckit.testkit.MutableClock;
import dev.synckit.testkit.salesforce.SalesforceSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Single upserts, the refresh-token flow, quota readings and getDeleted / getUpdated against the simulator. */
class SalesforceWritesAndReplicationFunctionalTest {

    private static final String EXT = SObjectUpsertSinkFunctionalTest.EXT;

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-02T10:00:00Z"));
    private final SalesforceSimulator sim = SalesforceSimulator.builder().clock(clock).build();
    private final List<QuotaReading> readings = new CopyOnWriteArrayList<>();
    private SalesforceClient client;

    @BeforeEach
    void setUp() {
        sim.start();
        sim.registerClient("client-1", SObjectUpsertSinkFunctionalTest.CLIENT_SECRET);
        sim.registerExternalIdField("Account", EXT);
        client = SalesforceClient.create(SalesforceConfig.builder().loginUrl(sim.baseUri()).clock(clock)
                .quotaObserver(readings::add)
                .credentials(new SalesforceCredentials.ClientCredentials("client-1",
                        Secret.of(SObjectUpsertSinkFunctionalTest.CLIENT_SECRET)))
                .build());
    }

    @AfterEach
    void close() {
        sim.close();
    }

    private static SObjectUpsert account(String ext, String name) {
        return new SObjectUpsert("Account", EXT, ext, Json.mapper().createObjectNode().put("Name", name));
    }

    @Test
    void upsert_createsThenUpdates_andReportsWhich() {
        UpsertResult created = client.upsert(account("C-1", "Acme"));
        UpsertResult updated = client.upsert(account("C-1", "Acme Ltd"));

        assertThat(created.wasCreated()).contains(true);
        assertThat(updated.wasCreated()).contains(false);
        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(sim.records("Account")).singleElement().satisfies(r -> assertThat(r.get("Name")).isEqualTo("Acme Ltd"));
    }

    @Test
    void upsert_answeredWith204_readsTheIdByExternalId() {
        UpsertResult created = client.upsert(account("C-1", "Acme"));
        sim.legacyUpsertNoContent(true);

        UpsertResult updated = client.upsert(account("C-1", "Acme Ltd"));

        assertThat(updated).isEqualTo(new UpsertResult(created.id(), false));
    }

    @Test
    void upsert_externalIdValueWithSlashesAndSpaces_isEncodedIntoOnePathSegment() {
        client.upsert(account("a/b c", "Odd"));

        assertThat(sim.records("Account")).singleElement().satisfies(r -> assertThat(r.get(EXT)).isEqualTo("a/b c"));
    }

    @Test
    void upsert_severalMatches_isAConflict() {
        sim.seedRecord("Account", Map.of("Name", "One", EXT, "DUP"));
        sim.seedRecord("Account", Map.of("Name", "Two", EXT, "DUP"));

        assertThatThrownBy(() -> client.upsert(account("DUP", "X"))).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.details().httpStatus()).isEqualTo(300));
    }

    @Test
    void upsert_byAnUnknownExternalIdField_isRejectedNamingIt() {
        SObjectUpsert r = new SObjectUpsert("Account", "Namez", "x", Json.mapper().createObjectNode().put("Name", "X"));

        assertThatThrownBy(() -> client.upsert(r)).isInstanceOfSatisfying(RejectedException.class, e -> {
            assertThat(e.platformCode()).contains("NOT_FOUND");
            assertThat(e.getMessage()).contains("Namez");
        });
    }

    @Test
    void everyResponse_feedsTheQuotaObserver() {
        client.upsert(account("C-1", "Acme"));
        client.upsert(account("C-2", "Beta"));

        assertThat(readings).hasSize(2).allSatisfy(r -> {
            assertThat(r.quota()).isEqualTo("api-usage");
            assertThat(r.limit()).isEqualTo(100_000);
            assertThat(r.at()).isEqualTo(clock.instant());
        });
        assertThat(readings.get(1).used()).isEqualTo(2);
    }

    @Test
    void refreshToken_rotated_isHandedToTheCallback_andUsedForTheNextRenewal() {
        sim.registerRefreshToken("client-1", "refresh-1");
        sim.rotateRefreshTokens(true);
        List<Secret> persisted = new CopyOnWriteArrayList<>();
        SalesforceClient refreshing = SalesforceClient.create(SalesforceConfig.builder().loginUrl(sim.baseUri())
                .clock(clock).onRefreshTokenRotated(persisted::add)
                .credentials(new SalesforceCredentials.RefreshToken("client-1", Secret.of("refresh-1")))
                .build());

        refreshing.upsert(account("C-1", "Acme"));
        sim.expireAllSessions();
        refreshing.upsert(account("C-1", "Acme 2"));

        assertThat(sim.tokensIssued()).isEqualTo(2);
        assertThat(persisted).hasSize(2);
        assertThat(persisted.get(0)).isNotEqualTo(persisted.get(1));
        assertThat(sim.requests()).filteredOn(r -> r.path().endsWith("/oauth2/token"))
                .extracting(r -> r.body().contains("refresh_token=refresh-1")).containsExactly(true, false);
        assertThat(new SalesforceCredentials.RefreshToken("client-1", Secret.of("refresh-1")).toString())
                .doesNotContain("refresh-1");
    }

    @Test
    void getDeleted_readsDeletionsWithTheirDates_andTheWindowCovered() {
        String a = sim.seedRecord("Account", Map.of("Name", "A"));
        clock.advance(Duration.ofMinutes(2));
        sim.deleteRecord("Account", a);
        clock.advance(Duration.ofMinutes(5));

        DeletedRecords deleted = client.getDeleted("Account", Instant.parse("2024-05-02T09:00:00Z"), clock.instant());

        assertThat(deleted.deletions()).containsExactly(
                new DeletedRecords.Deletion(a, Instant.parse("2024-05-02T10:02:00Z")));
        assertThat(deleted.latestDateCovered()).isEqualTo(Instant.parse("2024-05-02T10:07:00Z"));
        assertThat(deleted.earliestDateAvailable()).isBefore(Instant.parse("2024-04-18T00:00:00Z"));
    }

    @Test
    void getUpdated_readsTheChangedIds() {
        String a = sim.seedRecord("Account", Map.of("Name", "A"));
        clock.advance(Duration.ofMinutes(3));

        UpdatedRecords updated = client.getUpdated("Account", Instant.parse("2024-05-02T09:00:00Z"), clock.instant());

        assertThat(updated.ids()).containsExactly(a);
        assertThat(updated.latestDateCovered()).isEqualTo(Instant.parse("2024-05-02T10:03:00Z"));
    }
}
