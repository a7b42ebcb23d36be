package dev.synckit.canonical.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synckit.canonical.Customer;
import dev.synckit.canonical.Fixtures;
import dev.synckit.canonical.Money;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnknownFieldsTest {

  @Test
  void read_withUnknownFields_toleratesAndCountsThemByTypeAndName() {
    CanonicalJson json = CanonicalJson.create();
    String text = json.write(Fixtures.customer())
        .replaceFirst("\\{", "{\"fax\":\"+49 89 000\",\"rating\":{\"stars\":5,\"tags\":[1,2]},")
        .replace("\"city\":\"München\"", "\"city\":\"München\",\"district\":\"Schwabing\"");

    Customer read = json.read(text, Customer.class);

    assertThat(read).isEqualTo(Fixtures.customer());
    assertThat(json.unknownFieldCount()).isEqualTo(3);
    assertThat(json.unknownFieldsByName())
        .containsExactlyInAnyOrderEntriesOf(Map.of("Customer.fax", 1L, "Customer.rating", 1L, "Address.district", 1L));
  }

  @Test
  void unknownFieldCount_accumulatesAcrossReads() {
    CanonicalJson json = CanonicalJson.create();

    json.read("{\"amount\":\"1.00\",\"currency\":\"USD\",\"fx\":\"x\"}", Money.class);
    json.read("{\"amount\":\"2.00\",\"currency\":\"USD\",\"fx\":\"y\"}", Money.class);

    assertThat(json.unknownFieldCount()).isEqualTo(2);
    assertThat(json.unknownFieldsByName()).containsEntry("Money.fx", 2L);
  }

  @Test
  void read_withAbsentCollections_givesEmptyCollections() {
    CanonicalJson json = CanonicalJson.create();
    String minimal = "{\"id\":\"c-1\",\"name\":\"Acme\",\"taxProfile\":{},\"status\":\"ACTIVE\","
        + "\"billTo\":null,\"lastModified\":\"2025-01-01T00:00:00Z\",\"sourceSystem\":\"netsuite\"}";

    Customer c = json.read(minimal, Customer.class);

    assertThat(c.billTo()).isEmpty();
    assertThat(c.shipTo()).isEmpty();
    assertThat(c.externalRefs()).isEmpty();
    assertThat(c.customAttributes()).isEmpty();
    assertThat(c.taxProfile()).isEqualTo(dev.synckit.canonical.TaxProfile.none());
  }

  @Test
  void supportCase_writtenBeforeOrderNumberExisted_readsWithoutIt_andOlderReadersSkipIt() {
    CanonicalJson json = CanonicalJson.create();
    dev.synckit.canonical.SupportCase withOrder = Fixtures.supportCase();
    String old = json.write(withOrder).replace(",\"orderNumber\":\"SO-2025-0042\"", "");

    dev.synckit.canonical.SupportCase read = json.read(old, dev.synckit.canonical.SupportCase.class);

    assertThat(old).doesNotContain("orderNumber");
    assertThat(read.orderNumber()).isNull();
    assertThat(read).isEqualTo(withOrder.toBuilder().orderNumber(null).build());
    assertThat(json.unknownFieldCount()).isZero();
  }

  @Test
  void mapper_returnsAnIndependentCopy() {
    CanonicalJson json = CanonicalJson.create();

    assertThat(json.mapper()).isNotSameAs(json.mapper());
  }
}
