package dev.synckit.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.spi.ChangePage;
import dev.synckit.core.spi.Checkpoint;
import dev.synckit.core.spi.SourceRecord;
import dev.synckit.testkit.MutableClock;
import dev.synckit.testkit.netsuite.NetSuiteSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NetSuiteSuiteQlFunctionalTest {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-02T07:00:00Z"));
    private final NetSuiteSimulator sim = NetSuiteSimulator.builder().clock(clock).timeZone(PACIFIC).build();

    @AfterEach
    void close() {
        sim.close();
    }

    private NetSuiteClient client() {
        sim.registerToken("ck-1", "cs", "tok-1", "ts");
        return NetSuiteClient.create(NetSuiteConfig.builder(sim.accountId(), TbaCredentials.of("ck-1", "cs", "tok-1", "ts"))
                .baseUri(sim.baseUri()).timeZone(PACIFIC).clock(clock).build());
    }

    private String customer(String name) {
        String id = sim.seedRecord("customer", Map.of("companyName", name, "isInactive", false, "creditLimit", 1500.5));
        clock.advance(Duration.ofSeconds(1));
        return id;
    }

    @Test
    void suiteQl_sendsPreferTransient_andReturnsLowerCaseColumnsAsTypedValues() {
        NetSuiteClient client = client();
        String id = customer("Acme");

        SuiteQlPage page = client.suiteQl("SELECT id, companyName, isinactive, creditlimit, datecreated FROM customer"
                + " WHERE companyname LIKE 'Ac%' ORDER BY id", 10, 0);

        assertThat(sim.requests()).singleElement().satisfies(r -> {
            assertThat(r.header("Prefer")).contains("transient");
            assertThat(r.query()).isEqualTo("limit=10&offset=0");
        });
        SuiteQlRow row = page.rows().get(0);
        assertThat(row.id()).isEqualTo(id);
        assertThat(row.string("companyname")).contains("Acme");
        assertThat(row.bool("isinactive")).contains(false);
        assertThat(row.decimal("creditlimit")).contains(new BigDecimal("1500.5"));
        // 2026-01-02T07:00Z is still January 1st in the account's time zone
        assertThat(row.date("datecreated")).contains(LocalDate.of(2026, 1, 1));
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void suiteQlPages_streamsEveryRowOnce_pageByPage() {
        NetSuiteClient client = client();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(customer("C" + i));
        }
        Iterator<SuiteQlPage> pages = client.suiteQlPages("SELECT id FROM customer ORDER BY id", 3);
        List<String> read = new ArrayList<>();
        int count = 0;
        while (pages.hasNext()) {
            pages.next().rows().forEach(r -> read.add(r.id()));
            count++;
        }
        assertThat(read).isEqualTo(ids);
        assertThat(count).isEqualTo(3);
        assertThat(sim.requests()).extracting(r -> r.query())
                .containsExactly("limit=3&offset=0", "limit=3&offset=3", "limit=3&offset=6");
    }

    @Test
    void suiteQl_withoutOrderBy_isRefusedBeforeAnyRequest() {
        NetSuiteClient client = client();
        assertThatThrownBy(() -> client.suiteQl("SELECT id FROM customer", 10, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ORDER BY");
        assertThat(sim.requestCount()).isZero();
    }

    @Test
    void suiteQl_aQueryTheSimulatorCannotParse_isRejectedWithInvalidParameter() {
        NetSuiteClient client = client();
        assertThatThrownBy(() -> client.suiteQl("SELECT id FROM customer WHERE ORDER BY id", 10, 0))
                .isInstanceOfSatisfying(RejectedException.class,
                        e -> assertThat(e.platformCode()).contains("INVALID_PARAMETER"));
    }

    @Test
    void suiteQl_transactionTable_filtersByType() {
        NetSuiteClient client = client();
        String customer = customer("Acme");
        sim.seedRecord("inventoryItem", Map.of("itemId", "SKU-1"));
        String item = client.suiteQl("SELECT id FROM item WHERE itemid = 'SKU-1' ORDER BY id", 1, 0).rows().get(0).id();
        sim.seedRecord("salesOrder", Map.of("entity", Map.of("id", customer), "tranId", "SO-1",
                "item", Map.of("items", List.of(Map.of("item", Map.of("id", item), "quantity", 1)))));
        sim.seedRecord("invoice", Map.of("entity", Map.of("id", customer), "tranId", "INV-1"));

        SuiteQlPage page = client.suiteQl("SELECT id, tranid, entity FROM transaction WHERE type IN ('SalesOrd')"
                + " AND entity = " + customer + " ORDER BY id", 10, 0);

        assertThat(page.rows()).singleElement().satisfies(r -> {
            assertThat(r.string("tranid")).contains("SO-1");
            assertThat(r.string("entity")).contains(customer);
        });
    }

    // ------------------------------------------------------------------------------------------ change source

    private static List<String> ids(ChangePage<SuiteQlRow> page) {
        return page.records().stream().map(SourceRecord::recordId).toList();
    }

    @Test
    void changeSource_pagesBySweep_andTheNextPollReturnsOnlyWhatChanged() {
        NetSuiteClient client = client();
        String a = customer("A");
        String b = customer("B");
        String c = customer("C");
        NetSuiteChangeSource source = NetSuiteChangeSource.builder(client, "customer").columns("companyname")
                .pageSize(2).overlap(Duration.ofMinutes(5)).build();

        ChangePage<SuiteQlRow> first = source.poll(Checkpoint.initial());
        assertThat(ids(first)).containsExactly(a, b);
        assertThat(first.hasMore()).isTrue();
        ChangePage<SuiteQlRow> second = source.poll(first.next());
        assertThat(ids(second)).containsExactly(c);
        assertThat(second.hasMore()).isFalse();
        assertThat(second.records().get(0).record().string("companyname")).contains("C");

        // nothing changed: the overlap window is re-read but its rows are not returned again
        ChangePage<SuiteQlRow> idle = source.poll(second.next());
        assertThat(idle.records()).isEmpty();
        assertThat(sim.requests()).last().satisfies(r -> assertThat(r.body()).contains("lastmodifieddate >= TO_TIMESTAMP"));

        clock.advance(Duration.ofMinutes(1));
        sim.seedRecord("customer", Map.of("companyName", "D"));
        ChangePage<SuiteQlRow> changed = source.poll(idle.next());
        assertThat(changed.records()).hasSize(1);
        assertThat(changed.records().get(0).record().string("companyname")).contains("D");
    }

    @Test
    void changeSource_aRecordCommittedLateWithAnEarlierDate_isFoundByTheOverlap() {
        NetSuiteClient client = client();
        customer("A");
        NetSuiteChangeSource source = NetSuiteChangeSource.builder(client, "customer").overlap(Duration.ofMinutes(5)).build();
        ChangePage<SuiteQlRow> first = source.poll(Checkpoint.initial());
        assertThat(first.records()).hasSize(1);

        // a record stamped two minutes before the high-water mark becomes visible only now
        clock.advance(Duration.ofMinutes(-2));
        String late = sim.seedRecord("customer", Map.of("companyName", "Late"));
        clock.advance(Duration.ofMinutes(3));

        assertThat(ids(source.poll(first.next()))).containsExactly(late);
    }

    @Test
    void changeSource_dateOnlyFilter_widensToTheAccountsMidnight_soLateEveningChangesAreNotLost() {
        NetSuiteClient client = client();
        // 23:59 on January 1st in Los Angeles is 07:59 on January 2nd in UTC
        clock.set(Instant.parse("2026-01-02T07:59:00Z"));
        customer("A");
        NetSuiteChangeSource source = NetSuiteChangeSource.builder(client, "customer").dateOnlyFilter(true)
                .overlap(Duration.ZERO).build();
        ChangePage<SuiteQlRow> first = source.poll(Checkpoint.initial());
        assertThat(first.records()).hasSize(1);

        clock.set(Instant.parse("2026-01-02T07:30:00Z")); // 23:30 local, committed late
        String lateEvening = sim.seedRecord("customer", Map.of("companyName", "Late evening"));
        clock.set(Instant.parse("2026-01-02T09:00:00Z"));

        ChangePage<SuiteQlRow> next = source.poll(first.next());
        assertThat(ids(next)).containsExactly(lateEvening);
        assertThat(sim.requests()).last().satisfies(r ->
                assertThat(r.body()).contains("TO_DATE('2026-01-01', 'YYYY-MM-DD')"));
    }

    @Test
    void changeSource_changeKeysAreStable_soTheJournalKeepsARepeatedVersionOnce() {
        NetSuiteClient client = client();
        customer("A");
        NetSuiteChangeSource source = NetSuiteChangeSource.builder(client, "customer").build();
        SourceRecord<SuiteQlRow> once = source.poll(Checkpoint.initial()).records().get(0);
        SourceRecord<SuiteQlRow> again = source.poll(Checkpoint.initial()).records().get(0);
        assertThat(again.changeKey()).isEqualTo(once.changeKey());
        assertThat(once.modifiedAt()).isEqualTo(Instant.parse("2026-01-02T07:00:00Z"));
    }

    @Test
    void changeSource_refusesACheckpointItDidNotWrite() {
        NetSuiteChangeSource source = NetSuiteChangeSource.builder(client(), "customer").build();
        assertThatThrownBy(() -> source.poll(Checkpoint.of("{\"hw\":1,\"cursorTs\":\"x' OR 1=1\",\"cursorId\":\"1\"}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
