package dev.synckit.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.synckit.canonical.Invoice;
import dev.synckit.canonical.InvoiceStatus;
import dev.synckit.canonical.Money;
import dev.synckit.canonical.OrderStatus;
import dev.synckit.canonical.Payment;
import dev.synckit.canonical.PaymentMethod;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.http.Json;
import dev.synckit.core.mapping.CodeTable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetSuiteInboundMappersTest {

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text.replace('\'', '"'));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String ns(String id) {
        return SourceSystem.NETSUITE.id() + "-" + id;
    }

    // ------------------------------------------------------------------------------------------ order status

    @Test
    void theOrderStatusLetters_mapToTheDocumentedDefaults() {
        SalesOrderStatusMapper mapper = new SalesOrderStatusMapper();
        Map<String, OrderStatus> expected = Map.of("A", OrderStatus.PENDING_APPROVAL, "B", OrderStatus.APPROVED,
                "C", OrderStatus.CANCELLED, "D", OrderStatus.APPROVED, "E", OrderStatus.APPROVED,
                "F", OrderStatus.FULFILLED, "G", OrderStatus.CLOSED, "H", OrderStatus.CLOSED);
        expected.forEach((letter, status) -> assertThat(mapper.map(
                json("{'id':'7','orderStatus':{'id':'" + letter + "','refName':'x'}}"), new FakeMappingContext()))
                .as(letter).isEqualTo(status));
    }

    @Test
    void theOrderStatusCodeTable_overridesADefault() {
        FakeMappingContext context = new FakeMappingContext()
                .table(CodeTable.of("netsuite.orderStatus", Map.of("F", "CLOSED")));
        assertThat(new SalesOrderStatusMapper().map(json("{'id':'7','orderStatus':'F'}"), context))
                .isEqualTo(OrderStatus.CLOSED);
    }

    @Test
    void anUnknownOrMissingOrderStatus_isAMappingErrorOnOrderStatus() {
        SalesOrderStatusMapper mapper = new SalesOrderStatusMapper();
        assertThatThrownBy(() -> mapper.map(json("{'id':'7','orderStatus':{'id':'Z'}}"), new FakeMappingContext()))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.field()).contains("orderStatus"));
        assertThatThrownBy(() -> mapper.map(json("{'id':'7'}"), new FakeMappingContext()))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.field()).contains("orderStatus"));
        FakeMappingContext badTable = new FakeMappingContext()
                .table(CodeTable.of("netsuite.orderStatus", Map.of("A", "NOPE")));
        assertThatThrownBy(() -> mapper.map(json("{'id':'7','orderStatus':'A'}"), badTable))
                .isInstanceOf(MappingException.class);
    }

    // ------------------------------------------------------------------------------------------ invoice

    private static final String INVOICE = "{'id':'901','tranId':'INV-1001','entity':{'id':'647','refName':'Acme'},"
            + "'createdFrom':{'id':'55'},'currency':{'id':'1','refName':'USD'},'tranDate':'2024-01-04',"
            + "'dueDate':'2024-02-03','status':{'id':'A','refName':'Open'},'total':121.0,'amountPaid':'21.00',"
            + "'amountRemaining':100,'lastModifiedDate':'2024-01-05T10:00:00Z',"
            + "'item':{'items':[{'line':1,'item':{'id':'98','refName':'Widget'},'quantity':2,'rate':10.5,'amount':21},"
            + "{'line':2,'item':{'id':'99'},'description':'Support','quantity':1,'rate':'100.00','amount':'100.00'}]}}";

    @Test
    void anInvoice_becomesTheCanonicalInvoiceWithMoneyDatesLinesAndCrossReferencedIds() {
        Invoice i = new InvoiceFromNetSuiteMapper().map(json(INVOICE), new FakeMappingContext());
        assertThat(i.id()).isEqualTo(ns("901"));
        assertThat(i.customerId()).isEqualTo(ns("647"));
        assertThat(i.orderId()).isEqualTo(ns("55"));
        assertThat(i.invoiceNumber()).isEqualTo("INV-1001");
        assertThat(i.issueDate()).isEqualTo(LocalDate.parse("2024-01-04"));
        assertThat(i.dueDate()).isEqualTo(LocalDate.parse("2024-02-03"));
        assertThat(i.total().isSameAmount(Money.of("121", "USD"))).isTrue();
        assertThat(i.amountPaid().isSameAmount(Money.of("21", "USD"))).isTrue();
        assertThat(i.amountDue().isSameAmount(Money.of("100", "USD"))).isTrue();
        assertThat(i.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID); // A with something paid
        assertThat(i.lines()).hasSize(2);
        assertThat(i.lines().get(0).productId()).isEqualTo(ns("98"));
        assertThat(i.lines().get(0).description()).isEqualTo("Widget");
        assertThat(i.lines().get(0).unitPrice().isSameAmount(Money.of("10.5", "USD"))).isTrue();
        assertThat(i.lines().get(1).description()).isEqualTo("Support");
        assertThat(i.lastModified()).isEqualTo(Instant.parse("2024-01-05T10:00:00Z"));
        assertThat(i.externalId(SourceSystem.NETSUITE)).contains("901");
        assertThat(i.sourceSystem()).isEqualTo(SourceSystem.NETSUITE);
    }

    @Test
    void invoiceStatusIds_mapToTheDefaults_andTheCodeTableOverridesThem() {
        InvoiceFromNetSuiteMapper mapper = new InvoiceFromNetSuiteMapper();
        String paidInFull = INVOICE.replace("'id':'A','refName':'Open'", "'id':'B'");
        assertThat(mapper.map(json(paidInFull), new FakeMappingContext()).status()).isEqualTo(InvoiceStatus.PAID);
        String voided = INVOICE.replace("'id':'A','refName':'Open'", "'id':'V'");
        assertThat(mapper.map(json(voided), new FakeMappingContext()).status()).isEqualTo(InvoiceStatus.VOID);
        String unpaid = INVOICE.replace("'amountPaid':'21.00',", "").replace("'amountRemaining':100", "'amountRemaining':121");
        assertThat(mapper.map(json(unpaid), new FakeMappingContext()).status()).isEqualTo(InvoiceStatus.OPEN);
        FakeMappingContext table = new FakeMappingContext()
                .table(CodeTable.of("netsuite.invoiceStatus", Map.of("A", "OVERDUE")));
        assertThat(mapper.map(json(INVOICE), table).status()).isEqualTo(InvoiceStatus.OVERDUE);
    }

    @Test
    void theInvoiceCurrency_comesFromTheCurrencyCodeTableBeforeTheRefName() {
        String noRefName = INVOICE.replace("'currency':{'id':'1','refName':'USD'}", "'currency':{'id':'2'}");
        Invoice i = new InvoiceFromNetSuiteMapper().map(json(noRefName), new FakeMappingContext()
                .table(CodeTable.of("netsuite.currency", Map.of("2", "EUR"))));
        assertThat(i.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThatThrownBy(() -> new InvoiceFromNetSuiteMapper().map(json(noRefName), new FakeMappingContext()))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.field()).contains("currency"));
    }

    @Test
    void anInvoiceWithoutTotalOrWithABadDate_isAMappingErrorNamingTheField() {
        InvoiceFromNetSuiteMapper mapper = new InvoiceFromNetSuiteMapper();
        assertThatThrownBy(() -> mapper.map(json(INVOICE.replace("'total':121.0,", "")), new FakeMappingContext()))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.field()).contains("total");
                    assertThat(e.recordId()).contains("901");
                });
        assertThatThrownBy(() -> mapper.map(json(INVOICE.replace("2024-02-03", "3 Feb")), new FakeMappingContext()))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.field()).contains("dueDate"));
    }

    // ------------------------------------------------------------------------------------------ payment

    private static final String PAYMENT = "{'id':'3001','tranId':'PYMT-9','customer':{'id':'647'},"
            + "'currency':{'id':'1','refName':'USD'},'payment':150,'tranDate':'2024-01-20','checkNum':'CHK-42',"
            + "'paymentOption':{'id':'2'},'lastModifiedDate':'2024-01-20T09:00:00Z',"
            + "'apply':{'items':[{'doc':{'id':'901'},'apply':true,'amount':100},"
            + "{'doc':{'id':'902'},'apply':false,'amount':0},{'doc':{'id':'903'},'apply':true,'amount':'40.00'}]}}";

    @Test
    void aCustomerPayment_becomesThePaymentWithApplicationsToTheInvoicesCanonicalIds() {
        Payment p = new PaymentFromNetSuiteMapper().map(json(PAYMENT), new FakeMappingContext()
                .table(CodeTable.of("netsuite.paymentMethod", Map.of("2", "CHECK"))));
        assertThat(p.id()).isEqualTo(ns("3001"));
        assertThat(p.customerId()).isEqualTo(ns("647"));
        assertThat(p.amount().isSameAmount(Money.of("150", "USD"))).isTrue();
        assertThat(p.paymentDate()).isEqualTo(LocalDate.parse("2024-01-20"));
        assertThat(p.method()).isEqualTo(PaymentMethod.CHECK);
        assertThat(p.reference()).isEqualTo("CHK-42");
        assertThat(p.applications()).hasSize(2);
        assertThat(p.applications().get(0).invoiceId()).isEqualTo(ns("901"));
        assertThat(p.applications().get(0).amount().isSameAmount(Money.of("100", "USD"))).isTrue();
        assertThat(p.applications().get(1).invoiceId()).isEqualTo(ns("903"));
        assertThat(p.externalId(SourceSystem.NETSUITE)).contains("3001");
    }

    @Test
    void aPaymentMethodNoCodeTableMaps_isOther() {
        Payment p = new PaymentFromNetSuiteMapper().map(json(PAYMENT), new FakeMappingContext());
        assertThat(p.method()).isEqualTo(PaymentMethod.OTHER);
    }

    @Test
    void applicationsAboveThePaymentAmount_orWithoutADocument_areMappingErrors() {
        PaymentFromNetSuiteMapper mapper = new PaymentFromNetSuiteMapper();
        assertThatThrownBy(() -> mapper.map(json(PAYMENT.replace("'payment':150", "'payment':50")),
                new FakeMappingContext()))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.recordId()).contains("3001"));
        assertThatThrownBy(() -> mapper.map(json(PAYMENT.replace("'doc':{'id':'901'},", "")),
                new FakeMappingContext()))
                .isInstanceOfSatisfying(MappingException.class,
                        e -> assertThat(e.field()).contains("apply.items[0].doc"));
    }
}
