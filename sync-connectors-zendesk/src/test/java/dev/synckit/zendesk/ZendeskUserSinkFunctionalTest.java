package dev.synckit.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.core.http.Json;
import dev.synckit.core.spi.SinkRecord;
import dev.synckit.core.spi.WriteOutcome;
import dev.synckit.testkit.MutableClock;
import dev.synckit.testkit.zendesk.ZendeskSimulator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ZendeskUserSinkFunctionalTest {

    private final MutableClock clock = MutableClock.create();
    private final ZendeskSimulator sim = Fixtures.simulator(clock);
    private final ZendeskClient client = Fixtures.client(sim, clock);
    private final ZendeskUserSink sink = ZendeskUserSink.create(client);

    @AfterEach
    void close() {
        sim.close();
    }

    private static SinkRecord<ZendeskRecord> user(String id, String name, String email) {
        ObjectNode u = Json.mapper().createObjectNode();
        u.put("name", name);
        u.put("email", email);
        u.put("role", "end-user");
        return Fixtures.record(id, u, null);
    }

    @Test
    void upsert_mapsCreatedUpdatedAndFailedResultsBackToTheirRecords_whateverTheirOrder() {
        client.createOrUpdateUser(user("contact-2", "Bob", "bob@acme.test").record().body());

        List<WriteOutcome> outcomes = sink.upsert(List.of(
                user("contact-1", "Ann", "ann@acme.test"),
                user("CONTACT-2", "Bob Jr", "bob@acme.test"),
                user("contact-3", "Cid", "not-an-email"),
                user("contact-4", "Dee", "dee@acme.test")));

        assertThat(outcomes).extracting(WriteOutcome::canonicalId)
                .containsExactly("contact-1", "CONTACT-2", "contact-3", "contact-4");
        assertThat(outcomes.get(0)).isInstanceOfSatisfying(WriteOutcome.Written.class,
                w -> assertThat(w.wasCreated()).contains(true));
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(WriteOutcome.Written.class,
                w -> assertThat(w.wasCreated()).contains(false));
        assertThat(outcomes.get(2)).isInstanceOfSatisfying(WriteOutcome.Failed.class, f -> {
            assertThat(f.failure().platformCode()).contains("UserUpdateError");
            assertThat(f.failure().field()).contains("email");
            assertThat(f.failure().getMessage()).contains("not properly formatted");
        });
        assertThat(outcomes.get(3)).isInstanceOf(WriteOutcome.Written.class);
        assertThat(sim.users()).hasSize(3);
        // the case-insensitive external id match rewrote the stored casing
        assertThat(sim.users()).anySatisfy(u -> assertThat(u.path("external_id").asText()).isEqualTo("CONTACT-2"));
    }

    @Test
    void upsert_withoutBulkImports_failsEveryRecordWithZendesks403() {
        sim.bulkUserImports(false);
        List<WriteOutcome> outcomes = sink.upsert(List.of(user("contact-1", "Ann", "ann@acme.test")));
        assertThat(outcomes.get(0)).isInstanceOfSatisfying(WriteOutcome.Failed.class, f -> {
            assertThat(f.failure().platformCode()).contains("Forbidden");
            assertThat(f.failure().details().httpStatus()).isEqualTo(403);
        });
    }
}
