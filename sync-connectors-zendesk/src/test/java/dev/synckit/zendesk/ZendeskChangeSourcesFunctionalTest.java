package dev.synckit.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.core.spi.ChangePage;
import dev.synckit.core.spi.Checkpoint;
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
