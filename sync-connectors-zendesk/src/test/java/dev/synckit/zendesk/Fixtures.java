package dev.synckit.zendesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.Customer;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.event.CustomerRegistered;
import dev.synckit.core.Envelope;
import dev.synckit.core.auth.Secret;
import dev.synckit.core.http.Json;
import dev.synckit.core.spi.SinkRecord;
import dev.synckit.testkit.MutableClock;
import dev.synckit.testkit.zendesk.ZendeskSimulator;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Shared set-up of the Zendesk tests: a simulator and a client on one mutable clock. Tests only. */
final class Fixtures {

    static final String EMAIL = "sync@acme.test";
    static final String TOKEN = "api-token-6wiIBWbGkBMo1mRDMuVwkw1EPsNkeUj95PIz2akv";

    private Fixtures() {
    }

    /** A simulator at 2026-01-01T00:00:00Z knowing the API token, on {@code clock}. */
    static ZendeskSimulator simulator(MutableClock clock) {
        ZendeskSimulator sim = ZendeskSimulator.builder().clock(clock).build().start();
        sim.registerApiToken(EMAIL, TOKEN);
        return sim;
    }

    /** A config against the simulator whose sleeper advances the clock instead of sleeping. */
    static ZendeskConfig.Builder config(ZendeskSimulator sim, MutableClock clock) {
        return ZendeskConfig.builder("acme", ZendeskCredentials.apiToken(EMAIL, Secret.of(TOKEN)))
                .baseUri(sim.baseUri()).clock(clock).sleeper(clock::advance);
    }

    static ZendeskClient client(ZendeskSimulator sim, MutableClock clock) {
        return ZendeskClient.create(config(sim, clock).build());
    }

    static ObjectNode org(String externalId, String name) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("name", name);
        o.put("external_id", externalId);
        return o;
    }

    static Customer customer(String id) {
        return Customer.builder().id(id).name("Acme " + id).lastModified(Instant.parse("2025-12-01T00:00:00Z"))
                .sourceSystem(SourceSystem.SALESFORCE).build();
    }

    static SinkRecord<ZendeskRecord> record(String canonicalId, ObjectNode body, @Nullable String knownId) {
        Envelope envelope = Envelope.forChange(new CustomerRegistered(customer(canonicalId)), SourceSystem.SALESFORCE,
                canonicalId + "@1", "corr-" + canonicalId, Instant.parse("2025-12-01T00:00:00Z"));
        return new SinkRecord<>(canonicalId, knownId, new ZendeskRecord(canonicalId, body), envelope);
    }
}
