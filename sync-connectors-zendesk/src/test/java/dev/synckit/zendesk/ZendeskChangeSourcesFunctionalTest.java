package dev.synckit.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.core.spi.ChangePage;
import dev.synckit.core.spi.Checkpoint;
import dev.synckit.core.http.Json;
import dev.synckit.core.spi.SourceRecord;
import dev.synckit.testkit.MutableClock;
import dev.synckit.testkit.zendesk.ZendeskSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ZendeskChangeSourcesFunctionalTest {

    private static final Instant START = Instant.parse("2025-12-31T00:00:00Z");

    private final MutableClock clock = MutableClock.create();
    private final ZendeskSimulator sim = Fixtures.simulator(clock);

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void ticketCursor_resumesExactlyWhereItStopped_afterARestart() {
        for (int i = 0; i < 5; i++) {
            sim.seedTicket(Map.of("subject", "T" + i, "status", "open"));
            clock.advance(Duration.ofSeconds(1));
        }
        clock.advance(Duration.ofMinutes(2));
        ChangePage<ObjectNode> first = ZendeskTicketChangeSource.create(Fixtures.client(sim, clock), START)
                .poll(Checkpoint.initial());
        assertThat(first.records()).hasSize(5);
        assertThat(first.hasMore()).isFalse();
        String stored = first.next().value(); // what the checkpoint store keeps

        long changed = first.records().get(2).record().path("id").asLong();
        clock.advance(Duration.ofSeconds(3));
        sim.touchTicket(changed, Map.of("status", "solved"));
        sim.seedTicket(Map.of("subject", "T5", "status", "new"));

        // a new process: new client, new source, only the stored checkpoint
        ChangePage<ObjectNode> resumed = ZendeskTicketChangeSource.create(Fixtures.client(sim, clock), START)
                .poll(Checkpoint.of(stored));
        assertThat(resumed.records()).extracting(SourceRecord::recordId)
                .containsExactly(Long.toString(changed), Long.toString(changed + 3));
        assertThat(resumed.records().get(0).changeKey()).startsWith("ticket/" + changed + "@")
                .isNotEqualTo(first.records().get(2).changeKey());
        assertThat(sim.requests().get(sim.requests().size() - 1).query()).startsWith("cursor=");

        ChangePage<ObjectNode> nothing = ZendeskTicketChangeSource.create(Fixtures.client(sim, clock), START)
                .poll(resumed.next());
        assertThat(nothing.records()).isEmpty();
        assertThat(nothing.next()).isEqualTo(resumed.next());
    }

    private static ObjectNode user(String externalId, String name) {
        ObjectNode u = Json.mapper().createObjectNode();
        u.put("name", name);
        u.put("email", externalId + "@acme.test");
        u.put("external_id", externalId);
        u.put("role", "end-user");
        return u;
    }

    @Test
    void userCursor_pagesThroughTheExport_andResumesExactlyWhereItStopped_afterARestart() {
        ZendeskClient writer = Fixtures.client(sim, clock);
        for (int i = 0; i < 7; i++) {
            writer.createOrUpdateUser(user("contact-" + i, "User " + i));
            clock.advance(Duration.ofSeconds(1));
        }
        clock.advance(Duration.ofMinutes(2));

        // first process: reads two pages of 3, then stops (crash) with the checkpoint stored
        ZendeskUserChangeSource source = ZendeskUserChangeSource.create(Fixtures.client(sim, clock), START, 3);
        ChangePage<ObjectNode> p1 = source.poll(Checkpoint.initial());
        ChangePage<ObjectNode> p2 = source.poll(p1.next());
        assertThat(p1.records()).hasSize(3);
        assertThat(p1.hasMore()).isTrue();
        assertThat(p2.records()).hasSize(3);
        assertThat(p2.hasMore()).isTrue();
        assertThat(p2.next().value()).startsWith("cursor:");
        String stored = p2.next().value();

        // a new process: new client, new source, only the stored checkpoint
        ChangePage<ObjectNode> p3 = ZendeskUserChangeSource.create(Fixtures.client(sim, clock), START, 3)
                .poll(Checkpoint.of(stored));
        assertThat(p3.records()).extracting(r -> r.record().path("external_id").asText()).containsExactly("contact-6");
        assertThat(p3.hasMore()).isFalse();
        List<String> all = new ArrayList<>();
        for (ChangePage<ObjectNode> p : List.of(p1, p2, p3)) {
            p.records().forEach(r -> all.add(r.record().path("external_id").asText()));
        }
        assertThat(all).containsExactly("contact-0", "contact-1", "contact-2", "contact-3", "contact-4", "contact-5",
                "contact-6");
        assertThat(sim.requests().get(sim.requests().size() - 1).query()).startsWith("cursor=").contains("per_page=3");

        // later: one user changes, one is added; the next poll sees exactly those, as new changes
        clock.advance(Duration.ofSeconds(5));
        writer.createOrUpdateUser(user("contact-2", "User 2 renamed"));
        clock.advance(Duration.ofSeconds(1));
        writer.createOrUpdateUser(user("contact-7", "User 7"));
        ChangePage<ObjectNode> p4 = ZendeskUserChangeSource.create(Fixtures.client(sim, clock), START, 3)
                .poll(p3.next());
        assertThat(p4.records()).extracting(r -> r.record().path("name").asText())
                .containsExactly("User 2 renamed", "User 7");
        String changedId = p4.records().get(0).recordId();
        SourceRecord<ObjectNode> before = p1.records().stream().filter(r -> r.recordId().equals(changedId))
                .findFirst().orElseThrow();
        assertThat(p4.records().get(0).changeKey()).startsWith("user/" + changedId + "@")
                .isNotEqualTo(before.changeKey());
        assertThat(p4.records().get(0).modifiedAt()).isAfter(before.modifiedAt());

        ChangePage<ObjectNode> nothing = ZendeskUserChangeSource.create(Fixtures.client(sim, clock), START, 3)
                .poll(p4.next());
        assertThat(nothing.records()).isEmpty();
        assertThat(nothing.next()).isEqualTo(p4.next());
        assertThat(source.recordType()).isEqualTo("user");
    }

    @Test
    void userSource_refusesAForeignCheckpoint() {
        ZendeskUserChangeSource source = ZendeskUserChangeSource.create(Fixtures.client(sim, clock), START);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> source.poll(Checkpoint.of("t=1;n=5;seen=")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user export checkpoint");
    }

    @Test
    void incrementalExports_keepToTheirOwnLimitOfTenPerMinute() {
        clock.advance(Duration.ofMinutes(2));
        ZendeskTicketChangeSource source = ZendeskTicketChangeSource.create(Fixtures.client(sim, clock), START);
        Instant begin = clock.instant();
        for (int i = 0; i < 25; i++) {
            source.poll(Checkpoint.initial());
        }
        assertThat(sim.tooManyRequestsCount()).isZero();
        assertThat(Duration.between(begin, clock.instant())).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void organizationExport_dedupesTheBoundarySecond_andWidensAPageThatSharesOneSecond() {
        // 8 organizations updated in the same second, then 3 more a second later each
        for (int i = 0; i < 8; i++) {
            sim.seedOrganization(Map.of("name", "Same " + i, "external_id", "same-" + i));
        }
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            sim.seedOrganization(Map.of("name", "Later " + i, "external_id", "later-" + i));
        }
        ZendeskOrganizationChangeSource source = ZendeskOrganizationChangeSource.create(
                Fixtures.client(sim, clock), Instant.parse("2026-01-01T00:00:00Z"), 5);

        List<String> seen = new ArrayList<>();
        Checkpoint at = Checkpoint.initial();
        int polls = 0;
        boolean more = true;
        while (more && polls < 20) {
            ChangePage<ObjectNode> page = source.poll(at);
            page.records().forEach(r -> seen.add(r.record().path("external_id").asText()));
            at = page.next();
            more = page.hasMore();
            polls++;
        }
        assertThat(polls).isLessThan(20);
        assertThat(seen).hasSize(11);
        Set<String> unique = new HashSet<>(seen);
        assertThat(unique).hasSize(11);
    }
}
