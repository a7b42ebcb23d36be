package dev.synckit.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synckit.core.auth.CredentialsProvider;
import dev.synckit.core.http.HttpCall;
import dev.synckit.core.http.UrlEncoding;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TbaSignerTest {

    private static final TbaCredentials CREDENTIALS = TbaCredentials.of("ck-123", "c s&ecret", "tok-456", "t+s/ecret");
    private static final long TIMESTAMP = 1_700_000_000L;
    private static final String NONCE = "AbCdEfGhIjKlMnOpQrSt";
    /** A query with an encoded space, a '+' meaning a space, an encoded literal plus, and parameters out of order. */
    private static final URI URL = URI.create("https://1234567-SB1.SuiteTalk.API.netsuite.com:443/services/rest/record"
            + "/v1/customer?q=companyName+START_WITH%20%22A%2BB+Co%22&limit=5&fields=id");

    private final TbaSigner signer = new TbaSigner("1234567_SB1", CredentialsProvider.of(CREDENTIALS),
            Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC), () -> NONCE);

    @Test
    void baseString_followsRfc5849_withSortedReEncodedQueryParameters() throws Exception {
        // worked by hand: query decoded (+ is a space), then every name and value re-encoded per RFC 3986, sorted
        String normalized = "fields=id"
                + "&limit=5"
                + "&oauth_consumer_key=ck-123"
                + "&oauth_nonce=AbCdEfGhIjKlMnOpQrSt"
                + "&oauth_signature_method=HMAC-SHA256"
                + "&oauth_timestamp=1700000000"
                + "&oauth_token=tok-456"
                + "&oauth_version=1.0"
                + "&q=companyName%20START_WITH%20%22A%2BB%20Co%22";
        // scheme and host lower-cased, default port dropped, no query; then both parts percent-encoded once more
        String expectedBase = "GET"
                + "&https%3A%2F%2F1234567-sb1.suitetalk.api.netsuite.com%2Fservices%2Frest%2Frecord%2Fv1%2Fcustomer"
                + "&fields%3Did%26limit%3D5%26oauth_consumer_key%3Dck-123%26oauth_nonce%3DAbCdEfGhIjKlMnOpQrSt"
                + "%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D1700000000%26oauth_token%3Dtok-456"
                + "%26oauth_version%3D1.0%26q%3DcompanyName%2520START_WITH%2520%2522A%252BB%2520Co%2522";
        assertThat(UrlEncoding.rfc3986(normalized)).isEqualTo(expectedBase.substring(expectedBase.lastIndexOf('&') + 1));

        assertThat(TbaSigner.baseString("get", URL, TbaSigner.oauthParams(CREDENTIALS, TIMESTAMP, NONCE)))
                .isEqualTo(expectedBase);
    }

    @Test
    void authorizationHeader_carriesTheHmacSha256OfTheBaseString_keyedWithBothEncodedSecrets() throws Exception {
        String expectedBase = TbaSigner.baseString("GET", URL, TbaSigner.oauthParams(CREDENTIALS, TIMESTAMP, NONCE));
        // key = pct(consumer secret) & pct(token secret), computed by hand
        String key = "c%20s%26ecret&t%2Bs%2Fecret";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expectedSignature = Base64.getEncoder()
                .encodeToString(mac.doFinal(expectedBase.getBytes(StandardCharsets.UTF_8)));

        HttpCall signed = signer.authenticate(HttpCall.get(URL));

        assertThat(signed.headers().get("Authorization")).isEqualTo("OAuth realm=\"1234567_SB1\""
                + ", oauth_consumer_key=\"ck-123\", oauth_token=\"tok-456\", oauth_signature_method=\"HMAC-SHA256\""
                + ", oauth_timestamp=\"1700000000\", oauth_nonce=\"AbCdEfGhIjKlMnOpQrSt\", oauth_version=\"1.0\""
                + ", oauth_signature=\"" + UrlEncoding.rfc3986(expectedSignature) + "\"");
    }

    @Test
    void baseUrl_keepsOnlyNonDefaultPorts() {
        assertThat(TbaSigner.baseUrl(URI.create("http://127.0.0.1:8080/services/rest/x?a=1")))
                .isEqualTo("http://127.0.0.1:8080/services/rest/x");
        assertThat(TbaSigner.baseUrl(URI.create("HTTP://Example.COM:80/a"))).isEqualTo("http://example.com/a");
        assertThat(TbaSigner.baseUrl(URI.create("https://example.com:443"))).isEqualTo("https://example.com/");
    }

    @Test
    void baseString_signsEveryValueOfARepeatedQueryParameter_sortedByValue() {
        String base = TbaSigner.baseString("GET", URI.create("https://h.test/p?b=2&a=z&a=y"), java.util.Map.of());
        assertThat(base).isEqualTo("GET&https%3A%2F%2Fh.test%2Fp&a%3Dy%26a%3Dz%26b%3D2");
    }

    @Test
    void invalidate_saysARetryCannotHelp() {
        assertThat(signer.invalidate(HttpCall.get(URL))).isFalse();
    }

    @Test
    void authenticate_refusesShortNonces() {
        TbaSigner weak = new TbaSigner("1234567_SB1", CredentialsProvider.of(CREDENTIALS), Clock.systemUTC(), () -> "abc");
        assertThatThrownBy(() -> weak.authenticate(HttpCall.get(URL))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void defaultNonces_areLongAndFresh() {
        NetSuiteConfig config = NetSuiteConfig.builder("1234567_SB1", CREDENTIALS).build();
        String a = config.nonceSource().get();
        String b = config.nonceSource().get();
        assertThat(a).hasSizeGreaterThanOrEqualTo(20).matches("[A-Za-z0-9]+").isNotEqualTo(b);
    }

    @Test
    void neitherSecretAppearsInTheHeaderOrInToString() {
        String header = signer.authenticate(HttpCall.get(URL)).headers().get("Authorization");
        String consumerSecret = "c s&ecret";
        String tokenSecret = "t+s/ecret";
        assertThat(header).doesNotContain(consumerSecret, tokenSecret, UrlEncoding.rfc3986(consumerSecret),
                UrlEncoding.rfc3986(tokenSecret));
        assertThat(CREDENTIALS.toString()).doesNotContain(consumerSecret, tokenSecret).contains("ck-123", "tok-456");
        assertThat(signer.toString()).doesNotContain(consumerSecret, tokenSecret);
    }
}
