package dev.synckit.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synckit.canonical.Customer;
import dev.synckit.core.auth.Secret;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.spi.ChangePage;
import dev.synckit.core.spi.Checkpoint;
import dev.synckit.core.spi.SourceRecord;
import dev.synckit.testkit.FaultRule;
import dev.synckit.testkit.salesforce.SalesforceSimulator;
import dev.synckit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SalesforceChangeSourceFunctionalTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
    private SalesforceSimulator sim;
    private SalesforceClient client;

    @BeforeEach
    void start() {
        sim = SalesforceSimulator.builder().clock(clock).pageSize(2000).build().start();
        sim.registerClient("client-1", "secret-1");
        client = SalesforceClient.create(SalesforceConfig.builder().loginUrl(sim.baseUri())
                .credentials(new SalesforceCredentials.ClientCredentials("client-1", Secret.of("secret-1"))).build());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** Polls until a page says there is no more; returns every record and the final checkpoint. */
    private Checkpoint drain(SalesforceChangeSource source, Checkpoint from, List<SourceRecord<SObjectRecord>> out) {
        Checkpoint at = from;
        for (int guard = 0; guard < 100; guard++) {
            ChangePage<SObjectRecord> page = source.poll(at);
            out.addAll(page.records());
            at = page.next();
            if (!page.hasMore()) {
                return at;
            }
        }
        throw new AssertionError("the change source did not stop");
    }

    @Test
    void twoPolls_withSharedStamps_loseNothing_andReEmitNothing() {
        Set<String> first = new HashSet<>();
        for (int i = 0; i < 7; i++) { // all seven share one SystemModstamp (the clock stands still)
            first.add(sim.seedRecord("Account", Map.of("Name", "A" + i)));
        }
        SalesforceChangeSource source = SalesforceChangeSource.builder(client).pageLimit(3).build();

        List<SourceRecord<SObjectRecord>> read = new ArrayList<>();
        Checkpoint after = drain(source, Checkpoint.initial(), read);

        assertThat(read).extracting(SourceRecord::recordId).doesNotHaveDuplicates().hasSize(7);
        assertThat(Set.copyOf(read.stream().map(SourceRecord::recordId).toList())).isEqualTo(first);

        clock.advance(Duration.ofMinutes(5));
        List<String> updated = read.stream().limit(2).map(SourceRecord::recordId).toList();
        updated.forEach(id -> sim.updateRecord("Account", id, Map.of("Phone", "+1 555 0100")));
        String added = sim.seedRecord("Account", Map.of("Name", "New"));
        String alsoAdded = sim.seedRecord("Account", Map.of("Name", "Newer")); // same stamp as the update

        List<SourceRecord<SObjectRecord>> second = new ArrayList<>();
        Checkpoint end = drain(source, after, second);

        assertThat(second).extracting(SourceRecord::recordId)
                .containsExactlyInAnyOrder(updated.get(0), updated.get(1), added, alsoAdded);
        assertThat(second).allSatisfy(r -> assertThat(r.modifiedAt()).isEqualTo(clock.instant()));
        assertThat(second.get(0).changeKey()).isNotEqualTo(read.get(0).changeKey());

        assertThat(source.poll(end).isEmpty()).isTrue();
    }

    @Test
    void moreRecordsOnOneStampThanAPageHolds_areAllRead() {
        for (int i = 0; i < 25; i++) {
            sim.seedRecord("Account", Map.of("Name", "A" + i));
        }
        SalesforceChangeSource source = SalesforceChangeSource.builder(client).pageLimit(10).build();

        List<SourceRecord<SObjectRecord>> read = new ArrayList<>();
        drain(source, Checkpoint.initial(), read);

        assertThat(read).extracting(SourceRecord::recordId).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void soql_afterACheckpoint_asksForRecordsStrictlyAfterThePair() {
        SalesforceChangeSource source = SalesforceChangeSource.accounts(client);
        assertThat(source.soql(Checkpoint.initial())).startsWith("SELECT Id, Name, ParentId")
                .endsWith("FROM Account ORDER BY SystemModstamp, Id LIMIT 2000");
        assertThat(source.soql(Checkpoint.of("2024-05-01T10:00:00.000+0000|001000000000001AAA")))
                .contains("WHERE (SystemModstamp > 2024-05-01T10:00:00Z OR (SystemModstamp = 2024-05-01T10:00:00Z"
                        + " AND Id > '001000000000001AAA'))");
        assertThatThrownBy(() -> source.poll(Checkpoint.of("yesterday|x'; DELETE")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedRecord_becomesASourceFailure_namingRecordAndField_andTheOthersGoOn() {
        String good1 = sim.seedRecord("Account", Map.of("Name", "Good 1"));
        String badStamp = sim.seedRecord("Account", Map.of("Name", "Bad", "SystemModstamp", "not-a-date"));
        String good2 = sim.seedRecord("Account", Map.of("Name", "Good 2"));
        String badType = sim.seedRecord("Account", Map.of("Name", "Odd", "Phone", Map.of("nested", 1)));
        SalesforceChangeSource source = SalesforceChangeSource.accounts(client);

        ChangePage<SObjectRecord> page = source.poll(Checkpoint.initial());

        assertThat(page.records()).extracting(SourceRecord::recordId).containsExactlyInAnyOrder(good1, good2);
        assertThat(page.failures()).hasSize(2);
        assertThat(page.failures()).anySatisfy(f -> {
            assertThat(f.recordId()).isEqualTo(badStamp);
            assertThat(f.cause().field()).contains("SystemModstamp");
            assertThat(f.cause().recordId()).contains(badStamp);
            assertThat(f.raw()).contains("not-a-date");
        });
        assertThat(page.failures()).anySatisfy(f -> {
            assertThat(f.recordId()).isEqualTo(badType);
            assertThat(f.cause().field()).contains("Phone");
            assertThat(f.raw()).contains("nested");
        });
    }

    @Test
    void truncatedPage_isATransientMalformedResponse_andTheCheckpointStays() {
        sim.seedRecord("Account", Map.of("Name", "A"));
        SalesforceChangeSource source = SalesforceChangeSource.accounts(client);
        sim.faults().add(FaultRule.malformedBody().matching("GET", "/services/data/.*").times(1));

        assertThatThrownBy(() -> source.poll(Checkpoint.initial()))
                .isInstanceOfSatisfying(TransientException.class,
                        e -> assertThat(e.platformCode()).contains("MALFORMED_RESPONSE"));
        assertThat(source.poll(Checkpoint.initial()).records()).hasSize(1);
    }

    @Test
    void deletedRecords_arriveOnlyWithIncludeDeleted() {
        String id = sim.seedRecord("Account", Map.of("Name", "Gone"));
        sim.deleteRecord("Account", id);

        assertThat(SalesforceChangeSource.accounts(client).poll(Checkpoint.initial()).records()).isEmpty();
        ChangePage<SObjectRecord> page = SalesforceChangeSource.builder(client).includeDeleted(true).build()
                .poll(Checkpoint.initial());
        assertThat(page.records()).singleElement()
                .satisfies(r -> assertThat(r.record().bool("IsDeleted")).contains(true));
    }

    @Test
    void sourceAndMapper_turnSimulatedAccountsIntoCustomers() {
        String parent = sim.seedRecord("Account", Map.of("Name", "Parent Co", "BillingCity", "Paris",
                "BillingCountry", "France"));
        sim.seedRecord("Account", Map.of("Name", "Child Co", "ParentId", parent, "ShippingStreet", "1 Rue\nBât B",
                "ShippingCountry", "FR"));
        ChangePage<SObjectRecord> page = SalesforceChangeSource.accounts(client).poll(Checkpoint.initial());
        AccountToCustomerMapper mapper = AccountToCustomerMapper.create();

        List<Customer> customers = page.records().stream()
                .map(r -> mapper.map(r.record(), new TestMappingContext())).toList();

        assertThat(customers).hasSize(2);
        assertThat(customers.get(0).primaryBillTo()).hasValueSatisfying(p -> assertThat(p.address().country())
                .isEqualTo("FR"));
        assertThat(customers.get(1).parentId()).isEqualTo("sf-" + parent);
        assertThat(customers.get(1).primaryShipTo()).hasValueSatisfying(p -> assertThat(p.address().lines())
                .containsExactly("1 Rue", "Bât B"));
    }
}
