package dev.synckit.netsuite;

import dev.synckit.core.auth.CredentialsProvider;
import dev.synckit.core.http.HttpCall;
import dev.synckit.core.http.RequestAuthenticator;
import dev.synckit.core.http.UrlEncoding;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs each request with OAuth 1.0a HMAC-SHA256 as NetSuite token-based authentication requires (RFC 5849
 * §3.4). Signatures are static credentials: a refused one cannot be renewed, so {@link #invalidate} says a
 * retry cannot help. Thread-safe (a new {@link Mac} per signature).
 */
final class TbaSigner implements RequestAuthenticator {

    static final String METHOD = "HMAC-SHA256";
    private static final int MIN_NONCE_LENGTH = 6;

    private final String realm;
    private final CredentialsProvider<TbaCredentials> credentials;
    private final Clock clock;
    private final Supplier<String> nonces;

    TbaSigner(String realm, CredentialsProvider<TbaCredentials> credentials, Clock clock, Supplier<String> nonces) {
        this.realm = Objects.requireNonNull(realm, "realm");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    static TbaSigner from(NetSuiteConfig config) {
        return new TbaSigner(config.realm(), config.tbaCredentials().orElseThrow(() ->
                new IllegalArgumentException("the config has no TBA credentials")), config.clock(), config.nonceSource());
    }

    @Override
    public HttpCall authenticate(HttpCall call) {
        String nonce = nonces.get();
        if (nonce == null || nonce.length() < MIN_NONCE_LENGTH) {
            throw new IllegalStateException("the nonce source must supply at least " + MIN_NONCE_LENGTH + " characters");
        }
        long timestamp = clock.instant().getEpochSecond();
        return call.withHeader("Authorization",
                authorization(call.method(), call.uri(), credentials.credentials(), timestamp, nonce));
    }

    /** TBA signatures cannot be renewed: the same credentials would be refused again. */
    @Override
    public boolean invalidate(HttpCall rejected) {
        return false;
    }

    /** The {@code Authorization} header value for one request. */
    String authorization(String method, URI uri, TbaCredentials c, long timestamp, String nonce) {
        Map<String, String> oauth = oauthParams(c, timestamp, nonce);
        String signature = sign(baseString(method, uri, oauth), c);
        StringJoiner header = new StringJoiner(", ", "OAuth ", "");
        header.add("realm=\"" + UrlEncoding.rfc3986(realm) + "\"");
        oauth.forEach((k, v) -> header.add(k + "=\"" + UrlEncoding.rfc3986(v) + "\""));
        header.add("oauth_signature=\"" + UrlEncoding.rfc3986(signature) + "\"");
        return header.toString();
    }

    /** The {@code oauth_*} parameters except the signature, in header order. */
    static Map<String, String> oauthParams(TbaCredentials c, long timestamp, String nonce) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("oauth_consumer_key", c.consumerKey());
        p.put("oauth_token", c.tokenId());
        p.put("oauth_signature_method", METHOD);
        p.put("oauth_timestamp", Long.toString(timestamp));
        p.put("oauth_nonce", nonce);
        p.put("oauth_version", "1.0");
        return p;
    }

    /**
     * The signature base string: {@code UPPER(method) & pct(baseUrl) & pct(normalized parameters)}, where the
     * parameters are the {@code oauth_*} ones (never the signature or realm) plus the URL's query parameters,
     * each name and value percent-encoded, sorted by name then value.
     */
    static String baseString(String method, URI uri, Map<String, String> oauth) {
        List<String[]> pairs = new ArrayList<>();
        oauth.forEach((k, v) -> {
            if (!k.equals("oauth_signature") && !k.equals("realm")) {
                pairs.add(new String[] {UrlEncoding.rfc3986(k), UrlEncoding.rfc3986(v)});
            }
        });
        String rawQuery = uri.getRawQuery();
        if (rawQuery != null) {
            UrlEncoding.queryPairs(rawQuery).forEach(p ->
                    pairs.add(new String[] {UrlEncoding.rfc3986(p.getKey()), UrlEncoding.rfc3986(p.getValue())}));
        }
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringJoiner normalized = new StringJoiner("&");
        pairs.forEach(p -> normalized.add(p[0] + "=" + p[1]));
        return method.toUpperCase(Locale.ROOT) + "&" + UrlEncoding.rfc3986(baseUrl(uri)) + "&"
                + UrlEncoding.rfc3986(normalized.toString());
    }

    /** Scheme and host in lower case, the port only when not the scheme's default, the path, no query. */
    static String baseUrl(URI uri) {
        String scheme = Objects.requireNonNull(uri.getScheme(), "uri must be absolute").toLowerCase(Locale.ROOT);
        String host = Objects.requireNonNull(uri.getHost(), "uri must have a host").toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path;
    }

    /** {@code base64(HMAC-SHA256(pct(consumerSecret) & pct(tokenSecret), baseString))}. */
    static String sign(String baseString, TbaCredentials c) {
        String key = UrlEncoding.rfc3986(c.consumerSecret().reveal()) + "&" + UrlEncoding.rfc3986(c.tokenSecret().reveal());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "TbaSigner[realm=" + realm + "]";
    }
}
