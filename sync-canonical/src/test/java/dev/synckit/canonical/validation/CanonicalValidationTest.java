package dev.synckit.canonical.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synckit.canonical.Address;
import dev.synckit.canonical.ContactPoint;
import dev.synckit.canonical.Customer;
import dev.synckit.canonical.Fixtures;
import dev.synckit.canonical.Party;
import dev.synckit.canonical.PartyRole;
import dev.synckit.canonical.event.BusinessEvent;
import dev.synckit.canonical.event.CustomerRegistered;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalValidationTest {

  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void startValidator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void closeValidator() {
    factory.close();
  }

  private static Set<String> violatedPaths(Object value) {
    return validator.validate(value).stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
  }

  static Stream<Object> validValues() {
    return Stream.concat(Fixtures.everyCanonicalValue().stream(), Fixtures.everyEvent().stream());
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("validValues")
  void validate_realisticFixture_hasNoViolations(Object value) {
    assertThat(validator.validate(value)).isEmpty();
  }

  @Test
  void validate_customerWithBadCountryInFirstBillTo_reportsTheNestedPath() {
    Party bad = new Party(PartyRole.BILL_TO, null, new Address(List.of("1 Main St"), "Springfield", null, null, "XX"),
        null, null, true);
    Customer c = Fixtures.customer().toBuilder().billTo(List.of(bad)).build();

    Set<ConstraintViolation<Customer>> violations = validator.validate(c);

    assertThat(violations).hasSize(1);
    ConstraintViolation<Customer> v = violations.iterator().next();
    assertThat(v.getPropertyPath().toString()).isEqualTo("billTo[0].address.country");
    assertThat(v.getMessage()).contains("ISO 3166-1 alpha-2");
  }

  @Test
  void validate_lowerCaseCountry_isAViolation() {
    Address a = new Address(List.of(), null, null, null, "de");

    assertThat(violatedPaths(a)).containsExactly("country");
  }

  @Test
  void validate_customerWithBlankName_reportsName() {
    Customer c = Fixtures.customer().toBuilder().name("   ").build();

    assertThat(violatedPaths(c)).containsExactly("name");
  }

  @Test
  void validate_customerWithBadEmail_reportsEmail() {
    Customer c = Fixtures.customer().toBuilder().email("not-an-email").build();

    assertThat(violatedPaths(c)).containsExactly("email");
  }

  @Test
  void validate_badContactEmailInShipTo_reportsTheNestedPath() {
    Party p = new Party(PartyRole.SHIP_TO, null, Fixtures.munichAddress(), new ContactPoint(null, "a@@b", null), null, false);
    Customer c = Fixtures.customer().toBuilder().addShipTo(p).build();

    assertThat(violatedPaths(c)).containsExactly("shipTo[1].contact.email");
  }

  @Test
  void validate_customerIdOutsideTheCanonicalAlphabet_reportsId() {
    Customer c = Fixtures.customer().toBuilder().id("cust/0001").parentId("ok_parent-1").build();

    assertThat(violatedPaths(c)).containsExactly("id");
  }

  @Test
  void validate_event_cascadesIntoItsPayload() {
    Customer c = Fixtures.customer().toBuilder().name("").build();
    BusinessEvent e = new CustomerRegistered(c);

    assertThat(violatedPaths(e)).containsExactly("customer.name");
  }
}
