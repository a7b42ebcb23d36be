package dev.synckit.canonical.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synckit.canonical.Money;
import dev.synckit.canonical.event.InvoiceSettled;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MoneyJsonTest {

  private final CanonicalJson json = CanonicalJson.create();

  @Test
  void write_serialisesAmountAsStringKeepingScale() {
    assertThat(json.write(Money.of("1234.50", "USD"))).isEqualTo("{\"amount\":\"1234.50\",\"currency\":\"USD\"}");
  }

  @Test
  void write_neverUsesScientificNotation() {
    assertThat(json.write(Money.of(new BigDecimal("1E+3"), java.util.Currency.getInstance("JPY"))))
        .isEqualTo("{\"amount\":\"1000\",\"currency\":\"JPY\"}");
    assertThat(json.write(Money.of("0.0000001", "USD")))
        .isEqualTo("{\"amount\":\"0.0000001\",\"currency\":\"USD\"}");
  }

  @Test
  void read_acceptsStringAmountExactly() {
    Money m = json.read("{\"amount\":\"0.10\",\"currency\":\"EUR\"}", Money.class);

    assertThat(m.amount()).isEqualTo(new BigDecimal("0.10"));
    assertThat(m.amount().scale()).isEqualTo(2);
  }

  @Test
  void read_acceptsNumberAmountExactly() {
    Money m = json.read("{\"amount\":12345678901234567.10,\"currency\":\"EUR\"}", Money.class);

    assertThat(m.amount()).isEqualTo(new BigDecimal("12345678901234567.10"));
  }

  @Test
  void readEvent_throughTheUpcastTree_keepsNumberAmountsExact() {
    CanonicalJson withStep = CanonicalJson.create(UpcasterChain.defaults());
    String payload = "{\"invoiceId\":\"inv-1\",\"customerId\":\"c-1\",\"amountPaid\":{\"amount\":0.10,\"currency\":\"EUR\"},"
        + "\"settledAt\":\"2025-01-01T00:00:00Z\"}";

    InvoiceSettled e = (InvoiceSettled) withStep.readEvent("InvoiceSettled", 1, payload);

    assertThat(e.amountPaid()).isEqualTo(Money.of("0.10", "EUR"));
    assertThat(e.settledAt()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
  }

  @Test
  void read_thenWrite_preservesTrailingZeros() {
    String text = "{\"amount\":\"100.000\",\"currency\":\"BHD\"}";

    assertThat(json.write(json.read(text, Money.class))).isEqualTo(text);
  }
}
