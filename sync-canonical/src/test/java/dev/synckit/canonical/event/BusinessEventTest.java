package dev.synckit.canonical.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synckit.canonical.Fixtures;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessEventTest {

  @Test
  void eventTypes_registersEveryPermittedSubtypeWithItsVersion() {
    assertThat(EventTypes.names()).containsExactly("CaseEscalated", "CaseUpdated", "CustomerRegistered", "CustomerUpdated",
        "EntitlementChanged", "InvoicePosted", "InvoiceSettled", "OrderApproved", "OrderRejected", "PaymentReceived");
    assertThat(BusinessEvent.class.getPermittedSubclasses()).hasSize(EventTypes.names().size());
    for (BusinessEvent e : Fixtures.everyEvent()) {
      assertThat(EventTypes.classOf(e.eventType())).contains(e.getClass());
      assertThat(EventTypes.currentVersion(e.eventType())).isEqualTo(e.schemaVersion());
    }
  }

  @Test
  void customerEvents_areVersion2_othersVersion1() {
    assertThat(EventTypes.currentVersion("CustomerRegistered")).isEqualTo(2);
    assertThat(EventTypes.currentVersion("CustomerUpdated")).isEqualTo(2);
    assertThat(EventTypes.currentVersion("OrderApproved")).isEqualTo(1);
    assertThatThrownBy(() -> EventTypes.currentVersion("Nope")).isInstanceOf(IllegalArgumentException.class);
    assertThat(EventTypes.classOf("Nope")).isEmpty();
  }

  @Test
  void businessKey_isTheCustomerIdForCustomerScopedEvents() {
    for (BusinessEvent e : Fixtures.everyEvent()) {
      assertThat(e.businessKey()).as(e.eventType()).isEqualTo("cust-0001");
    }
  }

  @Test
  void caseEscalated_withoutOrganisation_isKeyedByCaseId() {
    CaseEscalated e = new CaseEscalated(Fixtures.supportCase().toBuilder().organizationCustomerId(null).build(), "VIP");

    assertThat(e.businessKey()).isEqualTo("case-314");
    assertThat(e.eventType()).isEqualTo("CaseEscalated");
  }

  @Test
  void caseUpdated_isVersion1_keyedLikeCaseEscalated_andSortsChangedFields() {
    CaseUpdated withOrg = new CaseUpdated(Fixtures.supportCase(), Set.of("status", "priority"));
    CaseUpdated withoutOrg = new CaseUpdated(Fixtures.supportCase().toBuilder().organizationCustomerId(null).build(), Set.of());

    assertThat(EventTypes.currentVersion("CaseUpdated")).isEqualTo(1);
    assertThat(withOrg.businessKey()).isEqualTo("cust-0001");
    assertThat(withoutOrg.businessKey()).isEqualTo("case-314");
    assertThat(withOrg.changedFields()).containsExactly("priority", "status");
    assertThatThrownBy(() -> withOrg.changedFields().add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> new CaseUpdated(null, Set.of())).isInstanceOf(NullPointerException.class);
  }

  @Test
  void customerUpdated_sortsAndFreezesChangedFields() {
    CustomerUpdated e = new CustomerUpdated(Fixtures.customer(), Set.of("phone", "billTo", "name"));

    assertThat(e.changedFields()).containsExactly("billTo", "name", "phone");
    assertThatThrownBy(() -> e.changedFields().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }
}
