package dev.synckit.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synckit.canonical.code.UnknownCodeException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalModelTest {

  @Test
  void customerBuilder_appliesDocumentedDefaults() {
    Customer c = Customer.builder().id("c-1").name("Acme").lastModified(Fixtures.MODIFIED)
        .sourceSystem(SourceSystem.NETSUITE).build();

    assertThat(c.status()).isEqualTo(CustomerStatus.ACTIVE);
    assertThat(c.taxProfile()).isEqualTo(TaxProfile.none());
    assertThat(c.billTo()).isEmpty();
    assertThat(c.customAttributes()).isEmpty();
    assertThat(c.primaryBillTo()).isEmpty();
  }

  @Test
  void customerToBuilder_roundTripsEveryComponent() {
    Customer c = Fixtures.customer();

    assertThat(c.toBuilder().build()).isEqualTo(c);
  }

  @Test
  void customerBuild_withoutRequiredValue_namesIt() {
    assertThatThrownBy(() -> Customer.builder().id("c-1").lastModified(Fixtures.MODIFIED).sourceSystem(SourceSystem.SALESFORCE).build())
        .isInstanceOf(NullPointerException.class).hasMessage("name");
  }

  @Test
  void customer_copiesCollectionsDefensively() {
    List<Party> parties = new ArrayList<>(List.of(Fixtures.billTo()));
    Customer c = Fixtures.customer().toBuilder().billTo(parties).build();
    parties.clear();

    assertThat(c.billTo()).hasSize(1);
    assertThatThrownBy(() -> c.billTo().add(Fixtures.shipTo())).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void primaryBillTo_prefersThePrimaryParty() {
    Party secondary = new Party(PartyRole.BILL_TO, "Nebenstelle", Fixtures.munichAddress(), null, null, false);
    Customer c = Fixtures.customer().toBuilder().billTo(List.of(secondary, Fixtures.billTo())).build();

    assertThat(c.primaryBillTo()).contains(Fixtures.billTo());
    assertThat(c.primaryShipTo()).contains(Fixtures.shipTo());
  }

  @Test
  void externalId_returnsTheFirstRefOfThatSystem() {
    Customer c = Fixtures.customer().toBuilder()
        .addExternalRef(new ExternalRef(SourceSystem.SALESFORCE, "Account", "001-second")).build();

    assertThat(c.externalId(SourceSystem.SALESFORCE)).contains("001Dn00000ABCdeIAH");
    assertThat(c.externalId(SourceSystem.ZENDESK)).isEmpty();
  }

  @Test
  void order_withLineInOtherCurrency_namesTheLine() {
    OrderLine usd = new OrderLine(3, "prod-x", null, BigDecimal.ONE, Money.of("5.00", "USD"), null, Money.of("5.00", "USD"), null);

    assertThatThrownBy(() -> Fixtures.order().toBuilder().addLine(usd).total(Money.of("12315.500", "EUR")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("lines[2].amount: currency USD");
  }

  @Test
  void order_totalMustEqualSumOfLines_comparingNumerically() {
    Order o = Fixtures.order();

    assertThat(o.total()).isEqualTo(Money.of("12310.500", "EUR"));
    assertThat(o.toBuilder().total(Money.of("12310.5", "EUR")).build().total().isSameAmount(o.total())).isTrue();
    assertThatThrownBy(() -> o.toBuilder().total(Money.of("12310.49", "EUR")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("total:");
  }

  @Test
  void orderLineBuilder_computesAmountFromQuantityPriceAndDiscount() {
    assertThat(Fixtures.orderLine1().amount()).isEqualTo(Money.of("11110.50", "EUR"));
  }

  @Test
  void invoiceBuilder_derivesAmountDueFromTotalAndPaid() {
    assertThat(Fixtures.invoice().amountDue()).isEqualTo(Money.of("8221.49", "EUR"));
  }

  @Test
  void invoice_withDueDateBeforeIssueDate_namesDueDate() {
    assertThatThrownBy(() -> Fixtures.invoice().toBuilder().dueDate(LocalDate.of(2025, 1, 1)).build())
        .hasMessageStartingWith("dueDate:");
  }

  @Test
  void payment_applyingMoreThanReceived_isRefused() {
    assertThatThrownBy(() -> Fixtures.payment().toBuilder()
        .addApplication(new PaymentApplication("inv-2", Money.of("0.01", "EUR"))).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("applications:");
  }

  @Test
  void subscriptionTerms_endBeforeStart_namesEnd() {
    assertThatThrownBy(() -> new SubscriptionTerms(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 31), 1, BillingFrequency.MONTHLY, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("end:");
  }

  @Test
  void product_withTwoPricesInOneCurrency_namesTheSecond() {
    assertThatThrownBy(() -> Fixtures.product().toBuilder().addPrice(Money.of("1.00", "EUR")).build())
        .hasMessageStartingWith("prices[2]:");
    assertThat(Fixtures.product().price(Fixtures.USD)).contains(Money.of("1299.00", "USD"));
  }

  @Test
  void money_keepsScaleAndComparesAmountsNumerically() {
    Money a = Money.of("12.50", "USD");
    Money b = Money.of(new BigDecimal("12.5"), Fixtures.USD);

    assertThat(a).isNotEqualTo(b);
    assertThat(a.isSameAmount(b)).isTrue();
    assertThat(a.plus(b)).isEqualTo(Money.of("25.00", "USD"));
    assertThat(Money.zero(java.util.Currency.getInstance("JPY")).amount().scale()).isZero();
    assertThat(a.toString()).isEqualTo("12.50 USD");
  }

  @Test
  void money_refusesMixingCurrencies() {
    assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USD").hasMessageContaining("EUR");
  }

  @Test
  void moneyOf_unknownCurrency_isTyped() {
    assertThatThrownBy(() -> Money.of("1.00", "ABC")).isInstanceOf(UnknownCodeException.class).hasMessageContaining("ABC");
  }

  @Test
  void sourceSystemOf_reusesConstantsAndRejectsBadIds() {
    assertThat(SourceSystem.of(" Salesforce ")).isSameAs(SourceSystem.SALESFORCE);
    assertThat(SourceSystem.of("hubspot").id()).isEqualTo("hubspot");
    assertThatThrownBy(() -> SourceSystem.of("sales force")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void customer_customAttributesAreImmutable() {
    Customer c = Fixtures.customer();

    assertThat(c.customAttributes()).isEqualTo(Map.of("industry", "Maschinenbau", "segment", "Mittelstand"));
    assertThatThrownBy(() -> c.customAttributes().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void trackedSetters_chainInAnyOrder_andReturnTheRecordsBuilder() {
    ExternalRef ref = new ExternalRef(SourceSystem.ZENDESK, "user", "39281765");
    Contact expected = Fixtures.contact();

    Contact built = Contact.builder().sourceSystem(SourceSystem.ZENDESK).addExternalRef(ref).lastModified(Fixtures.MODIFIED)
        .id("cont-42").customerId("cust-0001").firstName("Zoë").lastName("Ñúñez-O'Brien")
        .email("zoe.nunez@mueller-soehne.de").phone("+49 170 0000000").title("Head of Procurement").build();
    Customer.Builder customer = Fixtures.customer().toBuilder().externalRefs(List.of(ref));

    assertThat(built).isEqualTo(expected);
    assertThat(customer.build().externalRefs()).containsExactly(ref);
  }

  @Test
  void everyTrackedRecord_isExternallyReferenced() {
    List<ExternallyReferenced> records = List.of(Fixtures.customer(), Fixtures.contact(), Fixtures.product(),
        Fixtures.order(), Fixtures.invoice(), Fixtures.payment(), Fixtures.entitlement(), Fixtures.asset(),
        Fixtures.supportCase());

    assertThat(records).allSatisfy(r -> assertThat(r.externalId(SourceSystem.of("hubspot"))).isEmpty());
    assertThat(Fixtures.asset().externalId(SourceSystem.SALESFORCE)).contains("02iDn000000AbCdIAK");
    assertThatThrownBy(() -> Fixtures.order().externalId(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("system");
  }
}
