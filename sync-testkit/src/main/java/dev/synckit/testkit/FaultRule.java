package dev.synckit.testkit;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One fault to inject into a simulator's answers, and which requests it hits. Immutable and thread-safe: every
 * narrowing method returns a new rule. Add rules to a simulator with {@code simulator.faults().add(rule)}.
 *
 * <p>A rule first filters requests by its matcher ({@link #matching(String, String)}; all requests when not
 * set) and counts the requests that pass, 1-based. It then fires when the count is inside
 * {@link #onRequest(long)} / {@link #onRequests(long, long)} (every count when not set), the seeded coin of
 * {@link #withProbability(double, long)} comes up (always when not set), and it has fired fewer than
 * {@link #times(int)} times (unbounded when not set). With no narrowing a rule fires on every request.
 */
public final class FaultRule {

  /** What a rule does to the request it fires on. */
  public enum Kind {
    /** Answer with an error status instead of handling the request. */
    STATUS,
    /** Wait before handling the request normally. */
    LATENCY,
    /** Close the connection without writing a response. */
    DROP_CONNECTION,
    /** Handle normally but declare the body as {@code text/html}. */
    WRONG_CONTENT_TYPE,
    /** Handle normally but cut the body in the middle. */
    MALFORMED_BODY
  }

  private final Kind kind;
  private final int status;
  private final Duration delay;
  private final @Nullable String contentType;
  private final @Nullable String body;
  private final long fromRequest;
  private final long toRequest;
  private final double probability;
  private final long seed;
  private final int times;
  private final @Nullable String method;
  private final @Nullable Pattern pathPattern;

  private FaultRule(
      Kind kind,
      int status,
      Duration delay,
      @Nullable String contentType,
      @Nullable String body,
      long fromRequest,
      long toRequest,
      double probability,
      long seed,
      int times,
      @Nullable String method,
      @Nullable Pattern pathPattern) {
    this.kind = kind;
    this.status = status;
    this.delay = delay;
    this.contentType = contentType;
    this.body = body;
    this.fromRequest = fromRequest;
    this.toRequest = toRequest;
    this.probability = probability;
    this.seed = seed;
    this.times = times;
    this.method = method;
    this.pathPattern = pathPattern;
  }

  private static FaultRule of(Kind kind, int status, Duration delay) {
    return new FaultRule(kind, status, delay, null, null, 1, Long.MAX_VALUE, 1.0, 0, Integer.MAX_VALUE, null, null);
  }

  /**
   * Answers with {@code status} instead of handling the request. The body is the simulator's own error body for
   * that status (Salesforce's error array, NetSuite's {@code o:errorDetails} envelope) unless
   * {@link #withBody(String, String)} gives one.
   */
  public static FaultRule status(int status) {
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("status out of range: " + status);
    }
    return of(Kind.STATUS, status, Duration.ZERO);
  }

  /** Waits {@code delay} before the request is handled (so before any header is written), then handles it. */
  public static FaultRule latency(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("negative delay: " + delay);
    }
    return of(Kind.LATENCY, 0, delay);
  }

  /** Closes the connection without a response; the client sees an I/O error. */
  public static FaultRule dropConnection() {
    return of(Kind.DROP_CONNECTION, 0, Duration.ZERO);
  }

  /** Handles the request normally but answers with {@code Content-Type: text/html}. */
  public static FaultRule wrongContentType() {
    return of(Kind.WRONG_CONTENT_TYPE, 0, Duration.ZERO);
  }

  /** Handles the request normally but truncates the body in the middle, so JSON no longer parses. */
  public static FaultRule malformedBody() {
    return of(Kind.MALFORMED_BODY, 0, Duration.ZERO);
  }

  /** For a status rule: answer with this body and content type instead of the simulator's error body. */
  public FaultRule withBody(String contentType, String body) {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    if (kind != Kind.STATUS) {
      throw new IllegalStateException("withBody applies to status rules only");
    }
    return new FaultRule(kind, status, delay, contentType, body, fromRequest, toRequest, probability, seed, times,
        method, pathPattern);
  }

  /** Fires only on the {@code k}-th matching request (1-based). */
  public FaultRule onRequest(long k) {
    return onRequests(k, k);
  }

  /** Fires only on matching requests {@code fromK} to {@code toK}, both inclusive, 1-based. */
  public FaultRule onRequests(long fromK, long toK) {
    if (fromK < 1 || toK < fromK) {
      throw new IllegalArgumentException("bad request range " + fromK + ".." + toK);
    }
    return new FaultRule(kind, status, delay, contentType, body, fromK, toK, probability, seed, times, method,
        pathPattern);
  }

  /**
   * Fires on each matching request with probability {@code p}, drawn from a PRNG seeded with {@code seed}: the
   * same sequence of requests always gets the same faults.
   */
  public FaultRule withProbability(double p, long seed) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException("probability must be in [0, 1]: " + p);
    }
    return new FaultRule(kind, status, delay, contentType, body, fromRequest, toRequest, p, seed, times, method,
        pathPattern);
  }

  /** Fires at most {@code n} times (on the first {@code n} requests it would otherwise fire on). */
  public FaultRule times(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("negative times: " + n);
    }
    return new FaultRule(kind, status, delay, contentType, body, fromRequest, toRequest, probability, seed, n,
        method, pathPattern);
  }

  /**
   * Considers only requests with this method (any method when {@code "*"}) whose decoded path matches
   * {@code pathRegex} in full. Request counts for {@link #onRequest(long)} count only these requests.
   */
  public FaultRule matching(String method, String pathRegex) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathRegex, "pathRegex");
    String m = method.equals("*") ? null : method.toUpperCase(Locale.ROOT);
    return new FaultRule(kind, status, delay, contentType, body, fromRequest, toRequest, probability, seed, times,
        m, Pattern.compile(pathRegex));
  }

  /** What the rule does. */
  public Kind kind() {
    return kind;
  }

  /** The status of a status rule; 0 for other kinds. */
  public int status() {
    return status;
  }

  /** The delay of a latency rule; zero for other kinds. */
  public Duration delay() {
    return delay;
  }

  /** The explicit body of a status rule, if one was given. */
  public java.util.Optional<String> body() {
    return java.util.Optional.ofNullable(body);
  }

  /** The content type of the explicit body, if one was given. */
  public java.util.Optional<String> contentType() {
    return java.util.Optional.ofNullable(contentType);
  }

  boolean matches(SimRequest request) {
    if (method != null && !method.equals(request.method())) {
      return false;
    }
    return pathPattern == null || pathPattern.matcher(request.path()).matches();
  }

  boolean inRange(long matchIndex) {
    return matchIndex >= fromRequest && matchIndex <= toRequest;
  }

  double probability() {
    return probability;
  }

  long seed() {
    return seed;
  }

  int maxTimes() {
    return times;
  }

  /** A short description used in the request log, such as {@code status(503)} or {@code latency(PT0.2S)}. */
  public String describe() {
    return switch (kind) {
      case STATUS -> "status(" + status + ")";
      case LATENCY -> "latency(" + delay + ")";
      case DROP_CONNECTION -> "dropConnection";
      case WRONG_CONTENT_TYPE -> "wrongContentType";
      case MALFORMED_BODY -> "malformedBody";
    };
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("FaultRule[").append(describe());
    if (method != null || pathPattern != null) {
      sb.append(", matching ").append(method == null ? "*" : method).append(' ')
          .append(pathPattern == null ? ".*" : pathPattern.pattern());
    }
    if (fromRequest != 1 || toRequest != Long.MAX_VALUE) {
      sb.append(", requests ").append(fromRequest).append("..")
          .append(toRequest == Long.MAX_VALUE ? "" : String.valueOf(toRequest));
    }
    if (probability < 1.0) {
      sb.append(", p=").append(probability).append(" seed=").append(seed);
    }
    if (times != Integer.MAX_VALUE) {
      sb.append(", times=").append(times);
    }
    return sb.append(']').toString();
  }
}
