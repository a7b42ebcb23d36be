package dev.synckit.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synckit.core.http.UrlEncoding;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The signature base string's query part, case by case (RFC 5849 §3.4.1.3, with NetSuite's HMAC-SHA256). */
class TbaSignatureEdgeCasesTest {

    private static final TbaCredentials RFC = TbaCredentials.of("9djdj82h48djs9d2", "j49sk3j29djd", "kkk9d7dh3k39sjv7",
            "dh893hdasih9");
    private static final String OAUTH = "oauth_consumer_key=ck&oauth_nonce=nonce-123456&oauth_signature_method=HMAC-SHA256"
            + "&oauth_timestamp=1700000000&oauth_token=tok&oauth_version=1.0";

    /** The normalized parameters of a base string: its third part, decoded once. */
    private static String normalized(String base) {
        return UrlEncoding.decode(base.substring(base.lastIndexOf('&') + 1), false);
    }

    @Test
    void rfc5849Section3_4_1_example_adaptedToNetSuite_bodyNotSignedAndHmacSha256() {
        // RFC 5849 §3.4.1.1 without its form-body parameters (NetSuite signs no body) and with oauth_version
        URI uri = URI.create("http://EXAMPLE.COM:80/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
        String base = TbaSigner.baseString("post", uri, TbaSigner.oauthParams(RFC, 137131201L, "7d8f3e4a"));

        assertThat(base).startsWith("POST&http%3A%2F%2Fexample.com%2Frequest&");
        assertThat(normalized(base)).isEqualTo("a2=r%20b&a3=a&b5=%3D%253D&c%40=&oauth_consumer_key=9djdj82h48djs9d2"
                + "&oauth_nonce=7d8f3e4a&oauth_signature_method=HMAC-SHA256&oauth_timestamp=137131201"
                + "&oauth_token=kkk9d7dh3k39sjv7&oauth_version=1.0");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "encoded space                | q=a%20b                  | q=a%20b",
        "plus is a space              | q=a+b                    | q=a%20b",
        "encoded plus stays a plus    | q=a%2Bb                  | q=a%2Bb",
        "tilde is unreserved          | q=a~b                    | q=a~b",
        "encoded tilde is decoded     | q=a%7Eb                  | q=a~b",
        "unicode as UTF-8 bytes       | q=%C3%A9t%C3%A9          | q=%C3%A9t%C3%A9",
        "raw reserved characters      | q=a*b!c'(d)              | q=a%2Ab%21c%27%28d%29",
        "repeated names by value      | a=2&a=10&a=1             | a=1&a=10&a=2",
        "name without value           | flag                     | flag=",
        "empty value                  | q=                       | q=",
        "sorted by byte value         | b=1&B=2&_=3              | B=2&_=3&b=1",
    })
    void queryParameters_areDecodedReEncodedAndSorted(String name, String rawQuery, String expected) {
        URI uri = URI.create("https://123-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/customer?" + rawQuery);
        String base = TbaSigner.baseString("GET", uri, TbaSigner.oauthParams(TbaCredentials.of("ck", "cs", "tok", "ts"),
                1700000000L, "nonce-123456"));
        String withoutOAuth = String.join("&", java.util.Arrays.stream(normalized(base).split("&"))
                .filter(p -> !p.startsWith("oauth_")).toList());
        assertThat(withoutOAuth).isEqualTo(expected);
    }

    @Test
    void anEmptyQuery_signsOnlyTheOAuthParameters_andKeepsNoQuestionMarkInTheBaseUrl() {
        for (String url : new String[] {"https://h.example/services/rest/x", "https://h.example/services/rest/x?"}) {
            String base = TbaSigner.baseString("GET", URI.create(url), TbaSigner.oauthParams(
                    TbaCredentials.of("ck", "cs", "tok", "ts"), 1700000000L, "nonce-123456"));
            assertThat(base).startsWith("GET&https%3A%2F%2Fh.example%2Fservices%2Frest%2Fx&");
            assertThat(normalized(base)).isEqualTo(OAUTH);
        }
    }

    @Test
    void thePathKeepsItsEncoding_andTheHostIsLowerCased() {
        URI uri = URI.create("https://H.EXAMPLE/services/rest/record/v1/customer/eid:CRM-1%20x");
        assertThat(TbaSigner.baseUrl(uri)).isEqualTo("https://h.example/services/rest/record/v1/customer/eid:CRM-1%20x");
    }
}
