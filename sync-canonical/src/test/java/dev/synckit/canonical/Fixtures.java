package dev.synckit.canonical;

import dev.synckit.canonical.event.BusinessEvent;
import dev.synckit.canonical.event.CaseEscalated;
import dev.synckit.canonical.event.CaseUpdated;
import dev.synckit.canonical.event.CustomerRegistered;
import dev.synckit.canonical.event.CustomerUpdated;
import dev.synckit.canonical.event.EntitlementChanged;
import dev.synckit.canonical.event.InvoicePosted;
import dev.synckit.canonical.event.InvoiceSettled;
import dev.synckit.canonical.event.OrderApproved;
import dev.synckit.canonical.event.OrderRejected;
import dev.synckit.canonical.event.PaymentReceived;
import dev.synckit.canonical.event.RejectionReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/** Realistic canonical values shared by the tests. */
public final class Fixtures {

  public static final Instant MODIFIED = Instant.parse("2025-03-14T09:26:53.589Z");
  public static final Currency EUR = Currency.getInstance("EUR");
  public static final Currency USD = Currency.getInstance("USD");

  private Fixtures() {
  }

  public static Address munichAddress() {
    return new Address(List.of("Leopoldstraße 244", "3. OG"), "München", "DE-BY", "80807", "DE");
  }

  public static Party billTo() {
    return new Party(PartyRole.BILL_TO, "Müller & Söhne GmbH – Buchhaltung", munichAddress(),
        new ContactPoint("Jürgen Weiß", "ap@mueller-soehne.de", "+49 89 1234567"), "DE129273398", true);
  }

  public static Party shipTo() {
    return new Party(PartyRole.SHIP_TO, null,
        new Address(List.of("Am Hafen 7"), "Hamburg", null, "20457", "DE"), null, null, false);
  }

  public static Customer customer() {
    return Customer.builder()
        .id("cust-0001")
        .name("Müller & Söhne GmbH")
        .legalName("Müller & Söhne Gesellschaft mit beschränkter Haftung")
        .parentId("cust-0000")
        .addBillTo(billTo())
        .addShipTo(shipTo())
        .taxProfile(new TaxProfile(List.of(new TaxId("EU_VAT", "DE129273398", "DE")), false, null))
        .currency(EUR)
        .paymentTerms("Net 30")
        .status(CustomerStatus.ACTIVE)
        .email("info@mueller-soehne.de")
        .phone("+49 89 7654321")
        .website("https://mueller-soehne.de")
        .addExternalRef(new ExternalRef(SourceSystem.SALESFORCE, "Account", "001Dn00000ABCdeIAH"))
        .addExternalRef(new ExternalRef(SourceSystem.NETSUITE, "customer", "4711"))
        .customAttribute("industry", "Maschinenbau")
        .customAttribute("segment", "Mittelstand")
        .lastModified(MODIFIED)
        .sourceSystem(SourceSystem.SALESFORCE)
        .build();
  }

  public static Contact contact() {
    return Contact.builder().id("cont-42").customerId("cust-0001").firstName("Zoë").lastName("Ñúñez-O'Brien")
        .email("zoe.nunez@mueller-soehne.de").phone("+49 170 0000000").title("Head of Procurement")
        .addExternalRef(new ExternalRef(SourceSystem.ZENDESK, "user", "39281765"))
        .lastModified(MODIFIED).sourceSystem(SourceSystem.ZENDESK).build();
  }

  public static Product product() {
    return Product.builder().id("prod-pro-seat").sku("PRO-SEAT-1Y").name("Pro Seat (12 Monate)").unit("seat")
        .addPrice(Money.of("1234.50", "EUR")).addPrice(Money.of("1299.00", "USD")).active(true)
        .addExternalRef(new ExternalRef(SourceSystem.NETSUITE, "item", "901"))
        .lastModified(MODIFIED).sourceSystem(SourceSystem.NETSUITE).build();
  }

  public static SubscriptionTerms terms() {
    return new SubscriptionTerms(LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31), 12, BillingFrequency.ANNUAL, true);
  }

  public static OrderLine orderLine1() {
    return OrderLine.builder().lineNumber(1).productId("prod-pro-seat").sku("PRO-SEAT-1Y")
        .quantity(new BigDecimal("10")).unitPrice(Money.of("1234.50", "EUR")).discount(Money.of("1234.50", "EUR"))
        .terms(terms()).build();
  }

  public static OrderLine orderLine2() {
    return new OrderLine(2, "prod-onboarding", null, new BigDecimal("1.5"), Money.of("800.00", "EUR"), null,
        Money.of("1200.000", "EUR"), null);
  }

  public static Order order() {
    return Order.builder().id("ord-2025-0042").customerId("cust-0001").orderNumber("00000042")
        .orderDate(LocalDate.of(2025, 3, 14)).currency(EUR).addLine(orderLine1()).addLine(orderLine2())
        .status(OrderStatus.APPROVED).subscriptionTerms(terms()).purchaseOrderNumber("PO-ÄÖÜ-77")
        .addExternalRef(new ExternalRef(SourceSystem.SALESFORCE, "Order", "801Dn000001XyZaIAK"))
        .lastModified(MODIFIED).sourceSystem(SourceSystem.SALESFORCE).build();
  }

  public static Invoice invoice() {
    return Invoice.builder().id("inv-9001").customerId("cust-0001").orderId("ord-2025-0042").invoiceNumber("INV-2025-9001")
        .issueDate(LocalDate.of(2025, 3, 15)).dueDate(LocalDate.of(2025, 4, 14)).currency(EUR)
        .addLine(new InvoiceLine(1, "prod-pro-seat", "Pro Seat (12 Monate) – 10 × 1.234,50 € abzgl. Rabatt",
            new BigDecimal("10"), Money.of("1234.50", "EUR"), Money.of("11110.50", "EUR")))
        .addLine(new InvoiceLine(2, null, "MwSt. 19 %", BigDecimal.ONE, Money.of("2110.99", "EUR"), Money.of("2110.99", "EUR")))
        .total(Money.of("13221.49", "EUR")).amountPaid(Money.of("5000.00", "EUR"))
        .status(InvoiceStatus.PARTIALLY_PAID)
        .addExternalRef(new ExternalRef(SourceSystem.NETSUITE, "invoice", "13579"))
        .lastModified(MODIFIED).sourceSystem(SourceSystem.NETSUITE).build();
  }

  public static Payment payment() {
    return Payment.builder().id("pay-77").customerId("cust-0001").amount(Money.of("5000.00", "EUR"))
        .paymentDate(LocalDate.of(2025, 3, 20)).method(PaymentMethod.WIRE).reference("SEPA-2025-03-20-001")
        .addApplication(new PaymentApplication("inv-9001", Money.of("5000.00", "EUR")))
        .lastModified(MODIFIED).sourceSystem(SourceSystem.NETSUITE).build();
  }

  public static Entitlement entitlement() {
    return Entitlement.builder().id("ent-1").customerId("cust-0001").orderId("ord-2025-0042").serviceTier("premium")
        .productIds(List.of("prod-pro-seat")).start(LocalDate.of(2025, 4, 1)).end(LocalDate.of(2026, 3, 31))
        .status(EntitlementStatus.ACTIVE).lastModified(MODIFIED).sourceSystem(SourceSystem.SALESFORCE).build();
  }

  public static Asset asset() {
    return Asset.builder().id("asset-5").customerId("cust-0001").productId("prod-pro-seat").serialNumber("LIC-ÆØÅ-0001")
        .quantity(new BigDecimal("10.00")).installDate(LocalDate.of(2025, 4, 1)).usageEnd(LocalDate.of(2026, 3, 31))
        .status("Installed").addExternalRef(new ExternalRef(SourceSystem.SALESFORCE, "Asset", "02iDn000000AbCdIAK"))
        .lastModified(MODIFIED).sourceSystem(SourceSystem.SALESFORCE).build();
  }

  public static SupportCase supportCase() {
    return SupportCase.builder().id("case-314").subject("Rechnung INV-2025-9001 doppelt belastet")
        .description("Sehr geehrte Damen und Herren,\nwir wurden zweimal belastet. 请尽快处理。")
        .priority(CasePriority.HIGH).status(CaseStatus.OPEN).category(CaseCategory.BILLING_DISPUTE)
        .escalated(true).escalationReason("Finance review needed").requesterContactId("cont-42")
        .organizationCustomerId("cust-0001").invoiceId("inv-9001").orderNumber("SO-2025-0042")
        .addExternalRef(new ExternalRef(SourceSystem.ZENDESK, "ticket", "314159"))
        .lastModified(MODIFIED).sourceSystem(SourceSystem.ZENDESK).build();
  }

  /** One instance of every canonical (non-event) type. */
  public static List<Object> everyCanonicalValue() {
    return List.of(SourceSystem.of("hubspot"), new ExternalRef(SourceSystem.SALESFORCE, "Account", "001Dn00000ABCdeIAH"),
        Money.of("1234.50", "EUR"), munichAddress(), new ContactPoint("Jürgen Weiß", "ap@mueller-soehne.de", null),
        billTo(), new TaxId("US_EIN", "12-3456789", "US"),
        new TaxProfile(List.of(new TaxId("EU_VAT", "DE129273398", "DE")), true, "EXEMPT-2025-01"), TaxProfile.none(),
        customer(), contact(), product(), terms(), orderLine1(), orderLine2(), order(),
        new InvoiceLine(1, null, "Beratung", new BigDecimal("2.25"), Money.of("150.00", "EUR"), Money.of("337.50", "EUR")),
        invoice(), new PaymentApplication("inv-9001", Money.of("0.01", "EUR")), payment(),
        entitlement(), asset(), supportCase(), new RejectionReason("CREDIT_HOLD", "customerId", "Kunde gesperrt", SourceSystem.NETSUITE));
  }

  /** One instance of every event type. */
  public static List<BusinessEvent> everyEvent() {
    return List.of(
        new CustomerRegistered(customer()),
        new CustomerUpdated(customer(), Set.of("name", "billTo")),
        new OrderApproved(order(), "ana.lópez@example.com"),
        new OrderRejected("ord-2025-0042", "cust-0001",
            List.of(new RejectionReason("INVALID_FIELD", "lines[0].productId", "Artikel unbekannt", SourceSystem.NETSUITE))),
        new InvoicePosted(invoice()),
        new InvoiceSettled("inv-9001", "cust-0001", Money.of("13221.49", "EUR"), Instant.parse("2025-04-10T16:00:00Z")),
        new PaymentReceived(payment()),
        new CaseEscalated(supportCase(), "Finance review needed"),
        new CaseUpdated(supportCase(), Set.of("status", "priority")),
        new EntitlementChanged(entitlement(), EntitlementStatus.PENDING));
  }
}
