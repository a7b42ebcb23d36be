package dev.synckit.canonical.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.Address;
import dev.synckit.canonical.Customer;
import dev.synckit.canonical.ExternalRef;
import dev.synckit.canonical.Party;
import dev.synckit.canonical.PartyRole;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.event.CustomerRegistered;
import dev.synckit.canonical.event.CustomerUpdated;
import dev.synckit.canonical.event.OrderApproved;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventUpcastingTest {

  private static final String V1_CUSTOMER = "{"
      + "\"id\":\"cust-7\",\"name\":\"Åsa Lindqvist AB\",\"status\":\"ACTIVE\","
      + "\"billingAddress\":{\"street\":\"Drottninggatan 1\\nBox 123\",\"city\":\"Stockholm\",\"state\":\"AB\","
      + "\"zip\":\"111 51\",\"country\":\"Sweden\"},"
      + "\"externalIds\":{\"salesforce\":\"001Dn00000XYZabIAH\",\"netsuite\":\"5150\"},"
      + "\"lastModified\":\"2024-11-02T08:00:00Z\",\"sourceSystem\":\"salesforce\"}";

  private final CanonicalJson json = CanonicalJson.create();

  @Test
  void readEvent_fromVersion1_upcastsBillingAddressToBillTo() {
    CustomerRegistered e = (CustomerRegistered) json.readEvent("CustomerRegistered", 1, "{\"customer\":" + V1_CUSTOMER + "}");

    Customer c = e.customer();
    assertThat(c.billTo()).containsExactly(new Party(PartyRole.BILL_TO, null,
        new Address(List.of("Drottninggatan 1", "Box 123"), "Stockholm", "AB", "111 51", "SE"), null, null, true));
    assertThat(c.primaryBillTo()).map(p -> p.address().country()).contains("SE");
    assertThat(json.unknownFieldCount()).as("no v1 field is left behind").isZero();
  }

  @Test
  void readEvent_fromVersion1_upcastsExternalIdsToExternalRefs() {
    CustomerRegistered e = (CustomerRegistered) json.readEvent("CustomerRegistered", 1, "{\"customer\":" + V1_CUSTOMER + "}");

    assertThat(e.customer().externalRefs()).containsExactlyInAnyOrder(
        new ExternalRef(SourceSystem.SALESFORCE, "Account", "001Dn00000XYZabIAH"),
        new ExternalRef(SourceSystem.NETSUITE, "customer", "5150"));
    assertThat(e.customer().externalId(SourceSystem.NETSUITE)).contains("5150");
    assertThat(e.customer().externalId(SourceSystem.ZENDESK)).isEqualTo(Optional.empty());
  }

  @Test
  void readEvent_customerUpdatedFromVersion1_renamesChangedFields() {
    String v1 = "{\"customer\":" + V1_CUSTOMER + ",\"changedFields\":[\"billingAddress\",\"externalIds\",\"name\"]}";

    CustomerUpdated e = (CustomerUpdated) json.readEvent("CustomerUpdated", 1, v1);

    assertThat(e.changedFields()).containsExactly("billTo", "externalRefs", "name");
    assertThat(e.customer().billTo()).hasSize(1);
  }

  @Test
  void readEvent_fromVersion1_readsTheSameAsCurrentVersionPayload() {
    CustomerRegistered upcast = (CustomerRegistered) json.readEvent("CustomerRegistered", 1, "{\"customer\":" + V1_CUSTOMER + "}");

    String current = json.writeEvent(upcast);
    assertThat(json.readEvent("CustomerRegistered", CustomerRegistered.SCHEMA_VERSION, current)).isEqualTo(upcast);
  }

  @Test
  void readEvent_withMissingUpcasterStep_namesTypeAndVersions() {
    CanonicalJson noUpcasters = CanonicalJson.create(UpcasterChain.builder().build());

    SchemaVersionException e = catchThrowableOfType(SchemaVersionException.class,
        () -> noUpcasters.readEvent("CustomerRegistered", 1, "{\"customer\":" + V1_CUSTOMER + "}"));

    assertThat(e.getMessage()).contains("CustomerRegistered").contains("from version 1 to 2")
        .contains("stored version 1").contains("current version 2");
    assertThat(e.storedVersion()).isEqualTo(1);
    assertThat(e.currentVersion()).isEqualTo(2);
  }

  @Test
  void readEvent_withFutureVersion_isAClearError() {
    assertThatThrownBy(() -> json.readEvent("OrderApproved", OrderApproved.SCHEMA_VERSION + 1, "{}"))
        .isInstanceOf(SchemaVersionException.class)
        .hasMessageContaining("OrderApproved version 2 is newer than this library supports");
  }

  @Test
  void upcasterChain_appliesConsecutiveStepsInOrder() {
    UpcasterChain chain = UpcasterChain.builder()
        .add(Upcaster.of("Thing", 2, d -> d.put("trail", d.get("trail").asText() + ">3")))
        .add(Upcaster.of("Thing", 1, d -> d.put("trail", d.get("trail").asText() + ">2")))
        .build();
    ObjectNode doc = json.mapper().createObjectNode().put("trail", "1");

    ObjectNode out = chain.upcast("Thing", 1, 3, doc);

    assertThat(out.get("trail").asText()).isEqualTo("1>2>3");
    assertThat(doc.get("trail").asText()).as("input untouched").isEqualTo("1");
  }

  @Test
  void upcasterChain_missingMiddleStep_namesTheGap() {
    UpcasterChain chain = UpcasterChain.builder().add(Upcaster.of("Thing", 1, d -> d)).add(Upcaster.of("Thing", 3, d -> d)).build();

    assertThatThrownBy(() -> chain.upcast("Thing", 1, 4, json.mapper().createObjectNode()))
        .isInstanceOf(SchemaVersionException.class)
        .hasMessageContaining("no upcaster for Thing from version 2 to 3");
  }

  @Test
  void upcasterChainBuilder_rejectsTwoUpcastersForTheSameStep() {
    UpcasterChain.Builder b = UpcasterChain.builder().add(Upcaster.of("Thing", 1, d -> d));

    assertThatThrownBy(() -> b.add(Upcaster.of("Thing", 1, d -> d)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Thing").hasMessageContaining("version 1");
  }

  @Test
  void defaults_canBeExtendedThroughToBuilder() {
    UpcasterChain extended = UpcasterChain.defaults().toBuilder().add(Upcaster.of("OrderApproved", 1, d -> d)).build();

    assertThat(extended.upcasters()).hasSize(UpcasterChain.defaults().upcasters().size() + 1);
    assertThat(UpcasterChain.defaults().upcasters()).extracting(Upcaster::eventType)
        .containsExactlyInAnyOrder("CustomerRegistered", "CustomerUpdated");
  }

  @Test
  void readEvent_fromVersion1_withInvalidSystemKey_namesThePath() {
    String v1 = "{\"customer\":" + V1_CUSTOMER.replace("\"netsuite\":\"5150\"", "\"net_suite!\":\"5150\"") + "}";

    CanonicalJsonException e = catchThrowableOfType(CanonicalJsonException.class, () -> json.readEvent("CustomerRegistered", 1, v1));

    assertThat(e.path()).isEqualTo("customer.externalIds.net_suite!");
    assertThat(e.getMessage()).contains("not a valid source system id");
  }
}
