package dev.synckit.testkit.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The OAuth 2.0 client credentials (M2M) side of the simulator (platform-apis §2.3): verifies the client assertion
 * (a JWT signed with PS256/384/512 or ES256/384/512; {@code kid} = a registered certificate id, {@code iss} = the
 * client id mapped to it, {@code aud} = the exact token URL, {@code exp} at most {@code iat + 3600} and not past,
 * {@code scope} including {@code rest_webservices}) and issues 60-minute bearer tokens. Thread-safe.
 */
final class M2mVerifier {

  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(60);

  record Certificate(String clientId, PublicKey key) {}

  private record Issued(Instant expiresAt) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Clock clock;
  private final Map<String, Certificate> certificates = new ConcurrentHashMap<>();
  private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final AtomicLong issued = new AtomicLong();

  M2mVerifier(Clock clock) {
    this.clock = clock;
  }

  void register(String certificateId, String clientId, PublicKey key) {
    certificates.put(certificateId, new Certificate(clientId, key));
  }

  long tokensIssued() {
    return issued.get();
  }

  void revokeAll() {
    tokens.clear();
  }

  /** Whether a bearer token is one we issued and it has not expired. */
  boolean accepts(String token) {
    Issued t = tokens.get(token);
    return t != null && clock.instant().isBefore(t.expiresAt());
  }

  /** Verifies an assertion; returns the failure reason, or the new access token on success. */
  Result exchange(Map<String, java.util.List<String>> form, String tokenUrl) {
    if (!"client_credentials".equals(first(form, "grant_type"))) {
      return Result.fail("grant_type must be client_credentials");
    }
    if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(first(form, "client_assertion_type"))) {
      return Result.fail("client_assertion_type must be jwt-bearer");
    }
    String jwt = first(form, "client_assertion");
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3) {
      return Result.fail("client_assertion is not a JWT");
    }
    JsonNode header;
    JsonNode claims;
    byte[] signature;
    try {
      header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
      claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      signature = Base64.getUrlDecoder().decode(parts[2]);
    } catch (java.io.IOException | IllegalArgumentException e) {
      return Result.fail("client_assertion does not decode");
    }
    String alg = header.path("alg").asText("");
    Certificate cert = certificates.get(header.path("kid").asText(""));
    if (cert == null) {
      return Result.fail("unknown kid (certificate id)");
    }
    if (!"JWT".equals(header.path("typ").asText("JWT"))) {
      return Result.fail("typ must be JWT");
    }
    Optional<Signature> verifier = verifier(alg);
    if (verifier.isEmpty()) {
      return Result.fail("unsupported alg " + alg + " (PS256/384/512 or ES256/384/512 only)");
    }
    try {
      Signature s = verifier.get();
      s.initVerify(cert.key());
      s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!s.verify(signature)) {
        return Result.fail("bad assertion signature");
      }
    } catch (GeneralSecurityException e) {
      return Result.fail("bad assertion signature (" + e.getClass().getSimpleName() + ")");
    }
    if (!cert.clientId().equals(claims.path("iss").asText())) {
      return Result.fail("iss is not the client id mapped to this certificate");
    }
    if (!tokenUrl.equals(claims.path("aud").asText())) {
      return Result.fail("aud must be the token endpoint URL " + tokenUrl);
    }
    JsonNode scope = claims.path("scope");
    boolean restScope = scope.isArray()
        ? java.util.stream.StreamSupport.stream(scope.spliterator(), false).anyMatch(n -> n.asText().equals("rest_webservices"))
        : java.util.Arrays.asList(scope.asText("").split(",")).contains("rest_webservices");
    if (!restScope) {
      return Result.fail("scope must include rest_webservices");
    }
    long now = clock.instant().getEpochSecond();
    long iat = claims.path("iat").asLong(-1);
    long exp = claims.path("exp").asLong(-1);
    if (iat < 0 || exp < 0 || exp > iat + TOKEN_LIFETIME.getSeconds() || exp <= now || iat > now + 300) {
      return Result.fail("iat/exp missing, in the past or more than 3600 s apart");
    }
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    String token = "m2m." + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    tokens.put(token, new Issued(clock.instant().plus(TOKEN_LIFETIME)));
    issued.incrementAndGet();
    return new Result(token, null);
  }

  private static Optional<Signature> verifier(String alg) {
    try {
      return switch (alg) {
        case "PS256" -> Optional.of(pss("SHA-256", MGF1ParameterSpec.SHA256, 32));
        case "PS384" -> Optional.of(pss("SHA-384", MGF1ParameterSpec.SHA384, 48));
        case "PS512" -> Optional.of(pss("SHA-512", MGF1ParameterSpec.SHA512, 64));
        case "ES256" -> Optional.of(Signature.getInstance("SHA256withECDSAinP1363Format"));
        case "ES384" -> Optional.of(Signature.getInstance("SHA384withECDSAinP1363Format"));
        case "ES512" -> Optional.of(Signature.getInstance("SHA512withECDSAinP1363Format"));
        default -> Optional.empty();
      };
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JDK lacks " + alg, e);
    }
  }

  private static Signature pss(String digest, MGF1ParameterSpec mgf, int salt) throws GeneralSecurityException {
    Signature s = Signature.getInstance("RSASSA-PSS");
    s.setParameter(new PSSParameterSpec(digest, "MGF1", mgf, salt, 1));
    return s;
  }

  private static String first(Map<String, java.util.List<String>> form, String name) {
    java.util.List<String> v = form.get(name);
    return v == null || v.isEmpty() ? "" : v.get(0);
  }

  /** An issued token or a failure reason. */
  record Result(@org.jspecify.annotations.Nullable String token, @org.jspecify.annotations.Nullable String failure) {
    static Result fail(String why) {
      return new Result(null, why);
    }
  }
}
