package dev.synckit.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synckit.core.failure.UnauthorizedException;
import dev.synckit.testkit.LoggedRequest;
import dev.synckit.testkit.MutableClock;
import dev.synckit.testkit.netsuite.NetSuiteSimulator;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class NetSuiteM2mFunctionalTest {

    private final MutableClock clock = MutableClock.create();
    private final NetSuiteSimulator sim = NetSuiteSimulator.builder().clock(clock).build();

    @AfterEach
    void close() {
        sim.close();
    }

    private static KeyPair keys(M2mCredentials.Algorithm algorithm) throws Exception {
        if (algorithm == M2mCredentials.Algorithm.PS256) {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            return rsa.generateKeyPair();
        }
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        return ec.generateKeyPair();
    }

    private NetSuiteClient client(M2mCredentials.Algorithm algorithm, String registeredCertificate) throws Exception {
        KeyPair pair = keys(algorithm);
        sim.registerM2mCertificate(registeredCertificate, "client-1", pair.getPublic());
        return NetSuiteClient.create(NetSuiteConfig.builder(sim.accountId(),
                        M2mCredentials.of("client-1", "cert-1", pair.getPrivate(), algorithm))
                .baseUri(sim.baseUri()).clock(clock).build());
    }

    @ParameterizedTest
    @EnumSource(M2mCredentials.Algorithm.class)
    void aSignedAssertion_getsABearerToken_thatIsReusedForLaterCalls(M2mCredentials.Algorithm algorithm) throws Exception {
        NetSuiteClient client = client(algorithm, "cert-1");
        assertThat(client.getByExternalId("customer", "a")).isEmpty();
        assertThat(client.getByExternalId("customer", "b")).isEmpty();

        assertThat(client.tokenFetches()).isEqualTo(1);
        assertThat(sim.authFailures()).isEmpty();
        LoggedRequest token = sim.requests().get(0);
        assertThat(token.path()).isEqualTo("/services/rest/auth/oauth2/v1/token");
        assertThat(token.body()).startsWith("grant_type=client_credentials&client_assertion_type=");
        assertThat(sim.requests().get(1).header("Authorization")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer "));
    }

    @Test
    void theToken_isRenewedBeforeItsSixtyMinutesRunOut() throws Exception {
        NetSuiteClient client = client(M2mCredentials.Algorithm.ES256, "cert-1");
        client.getByExternalId("customer", "a");
        clock.advance(Duration.ofMinutes(50));
        client.getByExternalId("customer", "a");
        assertThat(client.tokenFetches()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(6)); // 4 minutes left: inside the renewal margin
        client.getByExternalId("customer", "a");
        assertThat(client.tokenFetches()).isEqualTo(2);
        assertThat(sim.authFailures()).isEmpty();
    }

    @Test
    void aRefusedToken_isRenewedOnce_andTheCallSucceeds() throws Exception {
        NetSuiteClient client = client(M2mCredentials.Algorithm.PS256, "cert-1");
        client.getByExternalId("customer", "a");
        sim.revokeM2mTokens();

        assertThat(client.getByExternalId("customer", "a")).isEmpty();
        assertThat(client.tokenFetches()).isEqualTo(2);
        assertThat(sim.m2mTokensIssued()).isEqualTo(2);
    }

    @Test
    void anUnknownCertificateId_isInvalidLogin_andNoSecretShows() throws Exception {
        NetSuiteClient client = client(M2mCredentials.Algorithm.ES256, "some-other-cert");
        assertThatThrownBy(() -> client.getByExternalId("customer", "a"))
                .isInstanceOfSatisfying(UnauthorizedException.class,
                        e -> assertThat(e.platformCode()).contains("INVALID_LOGIN"));
        assertThat(sim.authFailures()).singleElement().asString().contains("unknown kid");
        assertThat(client.config().m2mCredentials().orElseThrow().toString()).contains("privateKey=****");
    }

    @Test
    void aKeyThatDoesNotFitTheAlgorithm_isRefusedAtConfiguration() throws Exception {
        KeyPair ec = keys(M2mCredentials.Algorithm.ES256);
        assertThatThrownBy(() -> M2mCredentials.of("c", "k", ec.getPrivate(), M2mCredentials.Algorithm.PS256))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
