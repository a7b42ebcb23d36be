package dev.synckit.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UrlEncodingTest {

    @Test
    void rfc3986_keepsOnlyUnreservedCharacters() {
        assertThat(UrlEncoding.rfc3986("a b+c~d*é/")).isEqualTo("a%20b%2Bc~d%2A%C3%A9%2F");
    }

    @Test
    void decode_handlesMultiByteEscapes_plus_andStrayPercent() {
        assertThat(UrlEncoding.decode("caf%C3%A9+bar%2", true)).isEqualTo("café bar%2");
        assertThat(UrlEncoding.decode("a+b", false)).isEqualTo("a+b");
    }

    @Test
    void form_andParseQuery_roundTrip() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "client_credentials");
        fields.put("q", "SELECT Id FROM Account WHERE Name = 'A&B'");
        assertThat(UrlEncoding.parseQuery(UrlEncoding.form(fields))).isEqualTo(fields);
    }

    @Test
    void queryPairs_keepsRepeatedNamesInOrder() {
        assertThat(UrlEncoding.queryPairs("a=1&b=x+y&a=2&flag"))
                .containsExactly(Map.entry("a", "1"), Map.entry("b", "x y"), Map.entry("a", "2"), Map.entry("flag", ""));
    }
}
