package dev.synckit.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class NetSuiteConfigTest {

    private static final TbaCredentials CREDENTIALS = TbaCredentials.of("ck", "consumer-secret", "tok", "token-secret");

    @Test
    void defaultBaseUri_isTheAccountInLowerCaseWithHyphens() {
        assertThat(NetSuiteConfig.builder("1234567_SB1", CREDENTIALS).build().baseUri())
                .isEqualTo(URI.create("https://1234567-sb1.suitetalk.api.netsuite.com"));
        assertThat(NetSuiteConfig.defaultBaseUri("TSTDRV123")).hasHost("tstdrv123.suitetalk.api.netsuite.com");
    }

    @Test
    void realm_isTheAccountInUpperCaseWithUnderscore() {
        assertThat(NetSuiteConfig.builder("1234567_sb1", CREDENTIALS).build().realm()).isEqualTo("1234567_SB1");
    }

    @Test
    void baseUriOverride_keepsOnlySchemeHostAndPort() {
        NetSuiteConfig config = NetSuiteConfig.builder("1234567_SB1", CREDENTIALS)
                .baseUri(URI.create("http://127.0.0.1:4321/")).build();
        assertThat(config.baseUri()).isEqualTo(URI.create("http://127.0.0.1:4321"));
        assertThat(config.realm()).isEqualTo("1234567_SB1");
    }

    @Test
    void badAccountIdsAndSubsidiariesAreRefused() {
        assertThatThrownBy(() -> NetSuiteConfig.builder("1234567-SB1/x", CREDENTIALS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NetSuiteConfig.builder("1234567", CREDENTIALS).subsidiaryId("one"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaults_validateUnknownPropertyNamesAsErrors() {
        NetSuiteConfig config = NetSuiteConfig.builder("1234567", CREDENTIALS).build();
        assertThat(config.propertyNameValidation()).isEqualTo(NetSuiteConfig.PropertyNameValidation.ERROR);
        assertThat(config.subsidiaryId()).isEmpty();
    }

    @Test
    void toString_neverShowsSecrets() {
        NetSuiteConfig config = NetSuiteConfig.builder("1234567", CREDENTIALS).subsidiaryId("3").build();
        assertThat(config.toString()).doesNotContain("secret").contains("1234567");
        assertThat(CREDENTIALS.toString()).doesNotContain("consumer-secret", "token-secret");
    }
}
