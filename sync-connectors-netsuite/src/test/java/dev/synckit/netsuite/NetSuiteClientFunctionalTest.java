package dev.synckit.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.core.failure.RateLimitedException;
import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.failure.UnauthorizedException;
import dev.synckit.core.http.Json;
import dev.synckit.testkit.FaultRule;
import dev.synckit.testkit.SimulatorExtension;
import dev.synckit.testkit.netsuite.NetSuiteSimulator;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatorExtension.class)
class NetSuiteClientFunctionalTest {

    static final String CONSUMER_SECRET = "consumer-secret-value";
    static final String TOKEN_SECRET = "token-secret-value";

    static NetSuiteClient client(NetSuiteSimulator netsuite) {
        return client(netsuite, TOKEN_SECRET);
    }

    static NetSuiteClient client(NetSuiteSimulator netsuite, String tokenSecret) {
        netsuite.registerToken("ck-1", CONSUMER_SECRET, "tok-1", TOKEN_SECRET);
        return NetSuiteClient.create(NetSuiteConfig.builder(netsuite.accountId(),
                        TbaCredentials.of("ck-1", CONSUMER_SECRET, "tok-1", tokenSecret))
                .baseUri(netsuite.baseUri()).build());
    }

    private NetSuiteSimulator sim;

    @BeforeEach
    void useSimulator(NetSuiteSimulator netsuite) {
        this.sim = netsuite;
    }

    private static ObjectNode body(String companyName) {
        return Json.mapper().createObjectNode().put("companyName", companyName).put("email", "ap@acme.test");
    }

    @Test
    void aSignedRequest_isAcceptedByTheSimulator() {
        NetSuiteClient client = client(sim);
        assertThat(client.getByExternalId("customer", "nobody")).isEmpty();
        assertThat(sim.authFailures()).isEmpty();
    }

    @Test
    void aWrongTokenSecret_isRefusedAsInvalidLogin_withExactlyOneRequest() {
        NetSuiteClient client = client(sim, "wrong-token-secret");
        assertThatThrownBy(() -> client.upsertByExternalId("customer", "CRM-1", body("Acme")))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                    assertThat(e.platformCode()).contains("INVALID_LOGIN");
                    assertThat(e.details().httpStatus()).isEqualTo(401);
                    assertThat(e.getMessage()).doesNotContain("wrong-token-secret", TOKEN_SECRET, CONSUMER_SECRET);
                });
        assertThat(sim.requestCount()).isEqualTo(1);
        assertThat(client.requestCount()).isEqualTo(1);
        assertThat(sim.authFailures()).containsExactly("bad signature");
        assertThat(sim.recordCount("customer")).isZero();
    }

    @Test
    void upsertTwice_createsOneRecordAndUpdatesIt() {
        NetSuiteClient client = client(sim);
        client.upsertByExternalId("customer", "CRM-001", body("Acme"));
        client.upsertByExternalId("customer", "CRM-001", body("Acme Corporation"));

        assertThat(sim.recordCount("customer")).isEqualTo(1);
        assertThat(sim.recordByExternalId("customer", "CRM-001")).hasValueSatisfying(r -> {
            assertThat(r).containsEntry("companyName", "Acme Corporation").containsEntry("externalId", "CRM-001");
        });
    }

    @Test
    void create_returnsTheIdFromTheLocationHeader() {
        NetSuiteClient client = client(sim);
        String id = client.create("customer", body("Created Co").put("externalId", "CRM-NEW"));
        assertThat(id).matches("[0-9]+");
        assertThat(sim.record("customer", id)).hasValueSatisfying(r -> assertThat(r).containsEntry("companyName", "Created Co"));
        assertThat(client.get("customer", id)).hasValueSatisfying(n ->
                assertThat(n.path("externalId").asText()).isEqualTo("CRM-NEW"));
    }

    @Test
    void getByExternalId_returnsTheRecordWithReferenceObjects() {
        NetSuiteClient client = client(sim);
        String parentId = client.create("customer", body("Parent Co"));
        client.upsertByExternalId("customer", "CHILD-1", body("Child Co").set("parent",
                Json.mapper().createObjectNode().put("id", parentId)));

        Optional<ObjectNode> child = client.getByExternalId("customer", "CHILD-1");
        assertThat(child).hasValueSatisfying(n -> {
            assertThat(n.path("id").asText()).matches("[0-9]+");
            assertThat(n.path("parent").path("id").asText()).isEqualTo(parentId);
            assertThat(n.path("parent").path("refName").asText()).isEqualTo("Parent Co");
            assertThat(n.path("parent").path("links").isArray()).isTrue();
        });
        Optional<ObjectNode> onlyId = client.getByExternalId("customer", "CHILD-1", "id");
        assertThat(onlyId).hasValueSatisfying(n -> assertThat(n.has("companyName")).isFalse());
    }

    @Test
    void get_ofAMissingRecord_isEmpty() {
        assertThat(client(sim).get("customer", "999999")).isEmpty();
    }

    @Test
    void anInvalidExternalId_isRefusedBeforeAnyRequest() {
        NetSuiteClient client = client(sim);
        long before = sim.requestCount();
        assertThatThrownBy(() -> client.upsertByExternalId("customer", "CRM:001", body("Acme")))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.platformCode()).contains(ExternalIds.INVALID_EXTERNAL_ID);
                    assertThat(e.field()).contains("externalId");
                });
        assertThatThrownBy(() -> client.getByExternalId("customer", "a b")).isInstanceOf(RejectedException.class);
        assertThat(sim.requestCount()).isEqualTo(before);
        assertThat(client.requestCount()).isZero();
    }

    @Test
    void anUpsertBodyWithAnId_isRefusedBeforeAnyRequest() {
        NetSuiteClient client = client(sim);
        assertThatThrownBy(() -> client.upsertByExternalId("customer", "CRM-1", body("Acme").put("id", "5")))
                .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.field()).contains("id"));
        assertThat(sim.requestCount()).isZero();
    }

    @Test
    void unknownPropertyNames_areRefusedWithThePropertyAsField() {
        NetSuiteClient client = client(sim);
        assertThatThrownBy(() -> client.upsertByExternalId("customer", "CRM-1", body("Acme").put("colour", "red")))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.platformCode()).contains("INVALID_CONTENT");
                    assertThat(e.field()).contains("colour");
                });
    }

    @Test
    void simulatedFaults_areClassified() {
        NetSuiteClient client = client(sim);
        sim.faults().add(FaultRule.status(429).times(1));
        assertThatThrownBy(() -> client.getByExternalId("customer", "X")).isInstanceOf(RateLimitedException.class);
        sim.faults().add(FaultRule.status(503).times(1));
        assertThatThrownBy(() -> client.getByExternalId("customer", "X")).isInstanceOf(TransientException.class);
        assertThat(client.getByExternalId("customer", "X")).isEmpty();
    }
}
