package dev.synckit.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.synckit.canonical.Address;
import dev.synckit.canonical.Customer;
import dev.synckit.canonical.Party;
import dev.synckit.canonical.PartyRole;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.event.CustomerRegistered;
import dev.synckit.core.failure.FailureClass;
import dev.synckit.core.failure.MappingException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResultValidatorTest {

    @Test
    void validate_namesEveryPropertyPath_andTheRecord() {
        Customer bad = Customer.builder().id("customer-1").name(" ")
                .addBillTo(new Party(PartyRole.BILL_TO, "HQ", Address.of("1 Main", "Town", null, "1", "ZZ"), null, null, true))
                .lastModified(Instant.EPOCH).sourceSystem(SourceSystem.SALESFORCE).build();

        MappingException e = catchThrowableOfType(MappingException.class,
                () -> ResultValidator.create().validate(new CustomerRegistered(bad), "001A"));

        assertThat(e.failureClass()).isEqualTo(FailureClass.REJECTED);
        assertThat(e.recordId()).contains("001A");
        assertThat(e.fieldErrors()).extracting(MappingException.FieldError::field)
                .containsExactly("customer.billTo[0].address.country", "customer.name");
        assertThat(e.getMessage()).contains("customer.billTo[0].address.country").contains("record=001A");
    }

    @Test
    void validate_returnsTheValue_whenValid() {
        Customer good = Customer.builder().id("customer-1").name("Acme")
                .lastModified(Instant.EPOCH).sourceSystem(SourceSystem.SALESFORCE).build();
        assertThat(ResultValidator.create().validate(good, "x")).isSameAs(good);
    }

    @Test
    void codeTable_translatesBothWays_ignoringCase() {
        CodeTable terms = CodeTable.of("netsuite.terms", java.util.Map.of("2", "NET30", "4", "NET60"));
        assertThat(terms.canonical("2")).contains("NET30");
        assertThat(terms.platform("net60")).contains("4");
        assertThat(terms.canonical("9")).isEmpty();
    }
}
