package dev.synckit.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.http.Json;
import dev.synckit.core.resilience.ConnectorResilience;
import dev.synckit.testkit.FaultRule;
import dev.synckit.testkit.netsuite.NetSuiteSimulator;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NetSuiteResilienceFunctionalTest {

    private final NetSuiteSimulator sim = NetSuiteSimulator.create();

    @AfterEach
    void close() {
        sim.close();
    }

    private NetSuiteConfig.Builder config() {
        sim.registerToken("ck-1", "cs", "tok-1", "ts");
        return NetSuiteConfig.builder(sim.accountId(), TbaCredentials.of("ck-1", "cs", "tok-1", "ts"))
                .baseUri(sim.baseUri());
    }

    private static ConnectorResilience retries() {
        return ConnectorResilience.builder(SourceSystem.NETSUITE)
                .retries(2, Duration.ofMillis(1), Duration.ofMillis(5)).build();
    }

    @Test
    void withCoresPipeline_aTransient503IsRetriedInsideTheClient_andTheRecordIsWritten() {
        NetSuiteConfig config = config().resilience(retries()).build();
        assertThat(config.resilience()).isPresent();
        NetSuiteClient client = NetSuiteClient.create(config);
        sim.faults().add(FaultRule.status(503).times(1));

        client.upsertByExternalId("customer", "CRM-1", Json.mapper().createObjectNode().put("companyName", "Acme"));

        assertThat(sim.recordCount("customer")).isEqualTo(1);
        assertThat(client.requestCount()).isEqualTo(2);
        assertThat(client.availableConcurrency()).isEqualTo(config.concurrencyLimit()); // the slot was given back
    }

    @Test
    void withoutAPipeline_theSame503ReachesTheCaller_asBefore() {
        NetSuiteClient client = NetSuiteClient.create(config().build());
        sim.faults().add(FaultRule.status(503).times(1));

        assertThatThrownBy(() -> client.upsertByExternalId("customer", "CRM-1",
                Json.mapper().createObjectNode().put("companyName", "Acme"))).isInstanceOf(TransientException.class);
        assertThat(client.requestCount()).isEqualTo(1);
    }

    @Test
    void thePipeline_neverRetriesARejection() {
        NetSuiteClient client = NetSuiteClient.create(config().resilience(retries()).build());

        assertThatThrownBy(() -> client.upsertByExternalId("customer", "CRM-1",
                Json.mapper().createObjectNode().put("companyName", ""))).isInstanceOf(RejectedException.class);
        assertThat(client.requestCount()).isEqualTo(1);
    }
}
