package dev.synckit.canonical.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synckit.canonical.Fixtures;
import dev.synckit.canonical.event.BusinessEvent;
import dev.synckit.canonical.event.EventTypes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalJsonRoundTripTest {

  private final CanonicalJson json = CanonicalJson.create();

  static Stream<Object> canonicalValues() {
    return Fixtures.everyCanonicalValue().stream();
  }

  static Stream<BusinessEvent> events() {
    return Fixtures.everyEvent().stream();
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("canonicalValues")
  void write_thenRead_givesAnEqualValue(Object value) {
    String text = json.write(value);

    Object read = json.read(text, value.getClass());

    assertThat(read).isEqualTo(value);
    assertThat(json.unknownFieldCount()).as("the writer emits only declared fields").isZero();
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("canonicalValues")
  void writeBytes_thenReadBytes_givesAnEqualValue(Object value) {
    byte[] bytes = json.writeBytes(value);

    assertThat(json.read(bytes, value.getClass())).isEqualTo(value);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(json.write(value));
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("events")
  void writeEvent_thenReadEventAtCurrentVersion_givesAnEqualEvent(BusinessEvent event) {
    String payload = json.writeEvent(event);

    BusinessEvent read = json.readEvent(event.eventType(), event.schemaVersion(), payload);

    assertThat(read).isEqualTo(event);
    assertThat(read.businessKey()).isEqualTo(event.businessKey());
    assertThat(json.unknownFieldCount()).isZero();
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("events")
  void writeEvent_omitsTypeVersionAndBusinessKeyFromThePayload(BusinessEvent event) {
    String payload = json.writeEvent(event);

    assertThat(payload).doesNotContain("\"eventType\"", "\"schemaVersion\"", "\"businessKey\"");
  }

  @Test
  void everyEvent_isCoveredByTheFixtures() {
    List<String> covered = Fixtures.everyEvent().stream().map(BusinessEvent::eventType).collect(Collectors.toList());

    assertThat(covered).containsExactlyInAnyOrderElementsOf(EventTypes.names());
  }

  @Test
  void write_usesIsoDatesAndOmitsNulls() {
    String text = json.write(Fixtures.order());

    assertThat(text)
        .contains("\"orderDate\":\"2025-03-14\"")
        .contains("\"lastModified\":\"2025-03-14T09:26:53.589Z\"")
        .contains("\"sourceSystem\":\"salesforce\"")
        .contains("\"currency\":\"EUR\"")
        .doesNotContain("null");
  }

  @Test
  void write_keepsNonAsciiCharactersIntact() {
    String text = json.write(Fixtures.customer());

    assertThat(json.read(text, dev.synckit.canonical.Customer.class).name()).isEqualTo("Müller & Söhne GmbH");
    assertThat(text).contains("Müller & Söhne GmbH");
  }
}
