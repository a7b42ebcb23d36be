package dev.synckit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synckit.testkit.netsuite.NetSuiteSimulator;
import dev.synckit.testkit.salesforce.SalesforceSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatorExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatorExtensionFunctionalTest {

  private static EchoSimulator classScoped;
  private static SalesforceSimulator fromFirstTest;
  private SalesforceSimulator fromBeforeEach;

  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void beforeAll(EchoSimulator echo) {
    classScoped = echo;
  }

  @BeforeEach
  void beforeEach(SalesforceSimulator salesforce) {
    fromBeforeEach = salesforce;
  }

  @AfterAll
  static void classScopedIsClosedAfterAll() {
    // runs before the extension's afterAll, so the class-scoped simulator still answers here
    assertThat(classScoped.requestCount()).isGreaterThanOrEqualTo(2);
  }

  private static int status(URI uri) throws IOException, InterruptedException {
    return CLIENT.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  @Order(1)
  void extension_resolvesStartedSimulators_sameInstanceWithinATest(SalesforceSimulator salesforce,
      NetSuiteSimulator netsuite, EchoSimulator echo) throws Exception {
    assertThat(salesforce).isSameAs(fromBeforeEach);
    assertThat(echo).isSameAs(classScoped);
    assertThat(status(URI.create(salesforce.baseUri() + "/services/data"))).isEqualTo(200);
    assertThat(status(URI.create(netsuite.baseUri() + "/services/rest/record/v1/customer/1"))).isEqualTo(401);
    assertThat(status(URI.create(echo.baseUri() + "/x"))).isEqualTo(200);
    fromFirstTest = salesforce;
  }

  @Test
  @Order(2)
  void extension_closesMethodScopedSimulatorsAfterEachTest(SalesforceSimulator salesforce, EchoSimulator echo)
      throws Exception {
    assertThat(salesforce).isNotSameAs(fromFirstTest);
    URI closed = URI.create(fromFirstTest.baseUri().toString() + "/services/data");
    assertThatThrownBy(() -> status(closed)).isInstanceOf(IOException.class);
    assertThatThrownBy(fromFirstTest::start).isInstanceOf(IllegalStateException.class);
    assertThat(status(URI.create(echo.baseUri() + "/y"))).isEqualTo(200);
  }
}
