package dev.synckit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synckit.core.journal.DeadLetter;
import dev.synckit.testkit.FaultRule;
import dev.synckit.testkit.SimulatorExtension;
import dev.synckit.testkit.netsuite.NetSuiteSimulator;
import dev.synckit.testkit.salesforce.SalesforceSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The walking skeleton end to end: Salesforce Accounts → canonical customers → NetSuite customers. */
@ExtendWith(SimulatorExtension.class)
class CustomerSyncFunctionalTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Test
    void sync_writes500CustomersWithTheirParents_resumesFromItsCheckpoint_andARerunCreatesNoDuplicates(
            SalesforceSimulator salesforce, NetSuiteSimulator netsuite) {
        CustomerSync sync = new CustomerSync(salesforce, netsuite);
        sync.registerCredentials();
        AccountSeeder.seed(salesforce, 500);

        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:customer-sync-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dev.synckit.core.jdbc.SyncKitDatabase database = dev.synckit.core.jdbc.SyncKitDatabase.create(h2);
        database.migrate();

        CustomerSync.Result first = sync.run(TIMEOUT, 2, database);

        assertThat(first.summary().idle()).isTrue();
        assertThat(first.summary().read()).isEqualTo(500);
        assertThat(first.summary().written()).isEqualTo(500);
        assertThat(first.deadLetters()).isEmpty();
        assertThat(netsuite.recordCount("customer")).isEqualTo(500);
        assertThat(sync.parentsResolved()).containsExactly(480, 480);
        Map<String, Object> site = netsuite.records("customer").stream()
                .filter(r -> "Site 1 Ltd".equals(r.get("companyName"))).findFirst().orElseThrow();
        assertThat(site).containsKeys("addressBook", "parent", "externalId");

        // the same database: the checkpoint says everything was read
        CustomerSync.Result second = sync.run(TIMEOUT, 2, database);
        assertThat(second.summary().read()).isZero();
        assertThat(second.netsuiteCalls()).isZero();

        // state lost (fresh in-memory stores): everything is read and upserted again, nothing duplicated
        CustomerSync.Result third = sync.run(TIMEOUT);
        assertThat(third.summary().written()).isEqualTo(500);
        assertThat(netsuite.recordCount("customer")).isEqualTo(500);
        assertThat(sync.parentsResolved()).containsExactly(480, 480);
    }

    @Test
    void badInput_isDeadLetteredNamingRecordAndField_whileTheOtherRecordsSync(
            SalesforceSimulator salesforce, NetSuiteSimulator netsuite) {
        CustomerSync sync = new CustomerSync(salesforce, netsuite);
        sync.registerCredentials();
        AccountSeeder.seed(salesforce, 50);
        Map<String, Object> noName = AccountSeeder.account("placeholder", null, 900);
        noName.remove("Name");
        String noNameId = salesforce.seedRecord("Account", noName);
        Map<String, Object> nowhere = AccountSeeder.account("Atlantis Trading", null, 901);
        nowhere.put("BillingCountry", "Atlantis");
        String nowhereId = salesforce.seedRecord("Account", nowhere);
        Map<String, Object> wrongType = AccountSeeder.account("Nested Phone Inc", null, 902);
        wrongType.put("Phone", Map.of("number", "555"));
        String wrongTypeId = salesforce.seedRecord("Account", wrongType);
        // the first query page arrives truncated: the poll fails, is retried, nothing is skipped
        salesforce.faults().add(FaultRule.malformedBody().matching("GET", ".*/query.*").onRequest(1));

        CustomerSync.Result result = sync.run(TIMEOUT);

        assertThat(result.summary().idle()).isTrue();
        assertThat(result.summary().read()).isEqualTo(53);
        assertThat(result.summary().written()).isEqualTo(50);
        assertThat(result.summary().failed()).isEqualTo(3);
        assertThat(netsuite.recordCount("customer")).isEqualTo(50);
        List<DeadLetter> dead = result.deadLetters();
        assertThat(dead).extracting(DeadLetter::recordId).containsExactlyInAnyOrder(noNameId, nowhereId, wrongTypeId);
        assertThat(dead).allSatisfy(d -> assertThat(d.route()).isEqualTo(CustomerSync.SOURCE_ROUTE));
        assertThat(dead).filteredOn(d -> d.recordId().equals(noNameId)).singleElement()
                .satisfies(d -> assertThat(d.failure().field()).isEqualTo("Name"));
        assertThat(dead).filteredOn(d -> d.recordId().equals(nowhereId)).singleElement()
                .satisfies(d -> assertThat(d.failure().field()).isEqualTo("BillingCountry"));
        assertThat(dead).filteredOn(d -> d.recordId().equals(wrongTypeId)).singleElement()
                .satisfies(d -> {
                    assertThat(d.failure().field()).isEqualTo("Phone");
                    assertThat(d.raw()).contains("Nested Phone Inc");
                });
        assertThat(salesforce.requests()).filteredOn(r -> r.faultApplied() != null).hasSize(1);
    }
}
