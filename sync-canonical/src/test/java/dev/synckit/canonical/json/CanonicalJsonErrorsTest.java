package dev.synckit.canonical.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.synckit.canonical.Customer;
import dev.synckit.canonical.Fixtures;
import dev.synckit.canonical.Order;
import org.junit.jupiter.api.Test;

class CanonicalJsonErrorsTest {

  private final CanonicalJson json = CanonicalJson.create();

  @Test
  void read_withUnknownCurrencyCode_namesTheFieldPath() {
    String text = json.write(Fixtures.order()).replaceFirst("\"currency\":\"EUR\"\\}", "\"currency\":\"XYZ\"}");

    CanonicalJsonException e = catchThrowableOfType(CanonicalJsonException.class, () -> json.read(text, Order.class));

    assertThat(e.path()).isEqualTo("lines[0].unitPrice.currency");
    assertThat(e.targetType()).isEqualTo("Order");
    assertThat(e.getMessage()).contains("Order").contains("lines[0].unitPrice.currency");
  }

  @Test
  void read_withUnknownCustomerCurrency_namesTheField() {
    String text = json.write(Fixtures.customer()).replace("\"currency\":\"EUR\"", "\"currency\":\"EURO\"");

    CanonicalJsonException e = catchThrowableOfType(CanonicalJsonException.class, () -> json.read(text, Customer.class));

    assertThat(e.path()).isEqualTo("currency");
  }

  @Test
  void read_malformedJson_namesThePathWhereParsingStopped() {
    String text = "{\"id\":\"c-1\",\"billTo\":[{\"address\":{\"country\": DE}}]}";

    CanonicalJsonException e = catchThrowableOfType(CanonicalJsonException.class, () -> json.read(text, Customer.class));

    assertThat(e.path()).isEqualTo("billTo[0].address.country");
    assertThat(e.getMessage()).contains("Customer").contains("billTo[0].address.country").contains("line 1");
  }

  @Test
  void read_truncatedJson_isACanonicalJsonException() {
    String text = json.write(Fixtures.customer());
    String truncated = text.substring(0, text.indexOf("\"shipTo\"") + 12);

    CanonicalJsonException e = catchThrowableOfType(CanonicalJsonException.class, () -> json.read(truncated, Customer.class));

    assertThat(e.path()).startsWith("shipTo");
  }

  @Test
  void read_missingRequiredNestedField_namesTheFullPath() {
    String text = json.write(Fixtures.customer()).replace(",\"country\":\"DE\"", "");

    CanonicalJsonException e = catchThrowableOfType(CanonicalJsonException.class, () -> json.read(text, Customer.class));

    assertThat(e.path()).isEqualTo("billTo[0].address.country");
    assertThat(e.getMessage()).contains("is required");
  }

  @Test
  void read_orderWhoseTotalDisagreesWithLines_namesTheTotalField() {
    String text = json.write(Fixtures.order()).replace("\"amount\":\"12310.500\"", "\"amount\":\"12310.51\"");

    CanonicalJsonException e = catchThrowableOfType(CanonicalJsonException.class, () -> json.read(text, Order.class));

    assertThat(e.path()).isEqualTo("total");
    assertThat(e.getMessage()).contains("sum of line amounts");
  }

  @Test
  void read_wrongShape_namesTheField() {
    String text = json.write(Fixtures.customer()).replace("\"status\":\"ACTIVE\"", "\"status\":\"DORMANT\"");

    CanonicalJsonException e = catchThrowableOfType(CanonicalJsonException.class, () -> json.read(text, Customer.class));

    assertThat(e.path()).isEqualTo("status");
  }

  @Test
  void readFailureMessage_neverEchoesThePayload() {
    String secret = "s3cr3t-" + "x".repeat(500);
    String text = "{\"id\":\"c-1\",\"name\":\"" + secret + "\",\"lastModified\":\"not-a-date\"}";

    CanonicalJsonException e = catchThrowableOfType(CanonicalJsonException.class, () -> json.read(text, Customer.class));

    assertThat(e.path()).isEqualTo("lastModified");
    assertThat(e.getMessage()).doesNotContain("s3cr3t").hasSizeLessThan(400);
  }

  @Test
  void readEvent_unknownType_isAClearError() {
    CanonicalJsonException e =
        catchThrowableOfType(CanonicalJsonException.class, () -> json.readEvent("CustomerDeleted", 1, "{}"));

    assertThat(e.getMessage()).contains("CustomerDeleted").contains("unknown business event type");
  }
}
