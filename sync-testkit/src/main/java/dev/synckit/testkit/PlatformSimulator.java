package dev.synckit.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okio.ByteString;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the loopback HTTP simulators: a MockWebServer bound to 127.0.0.1 whose dispatcher logs every
 * request, applies the {@linkplain #faults() fault rules} and otherwise calls {@link #handle(SimRequest)}.
 *
 * <p>Thread-safe: the server answers concurrent requests on several threads, and every public method may be
 * called while it does. Subclasses must keep their own state thread-safe.
 */
public abstract class PlatformSimulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PlatformSimulator.class);

  private final Clock clock;
  private final MockWebServer server = new MockWebServer();
  private final FaultRules faults = new FaultRules();
  private final List<LoggedRequest> log = new ArrayList<>();
  private final AtomicLong sequence = new AtomicLong();
  private final CountDownLatch closedSignal = new CountDownLatch(1);
  private final Object lifecycle = new Object();
  private final Object flight = new Object();
  private int inFlight;
  private boolean started;
  private boolean closed;

  /** Creates a simulator reading time from {@code clock}. */
  protected PlatformSimulator(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Starts the server on 127.0.0.1 and a free port. Idempotent. */
  public PlatformSimulator start() {
    synchronized (lifecycle) {
      if (closed) {
        throw new IllegalStateException("simulator is closed");
      }
      if (!started) {
        server.setServerSocketFactory(new NoDelayServerSocketFactory());
        server.setDispatcher(new SimDispatcher());
        try {
          server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot start simulator", e);
        }
        started = true;
        LOG.debug("{} listening on {}", getClass().getSimpleName(), baseUriOfStarted());
      }
    }
    return this;
  }

  /**
   * The base URI, such as {@code http://127.0.0.1:54321}, without a trailing slash. Starts the server if needed;
   * after {@link #close()} it still answers the old URI (nothing listens there any more).
   */
  public URI baseUri() {
    synchronized (lifecycle) {
      if (closed && started) {
        return baseUriOfStarted();
      }
    }
    start();
    return baseUriOfStarted();
  }

  private URI baseUriOfStarted() {
    return URI.create("http://127.0.0.1:" + server.getPort());
  }

  /** The clock the simulator reads time from. */
  protected final Clock clock() {
    return clock;
  }

  /** A snapshot of the request log, in arrival order. */
  public List<LoggedRequest> requests() {
    List<LoggedRequest> copy;
    synchronized (log) {
      copy = new ArrayList<>(log);
    }
    copy.sort(Comparator.comparingLong(LoggedRequest::sequence));
    return List.copyOf(copy);
  }

  /** How many requests have been answered (or dropped) since the last {@link #clearRequests()}. */
  public long requestCount() {
    synchronized (log) {
      return log.size();
    }
  }

  /** Empties the request log. Sequence numbers keep counting. */
  public void clearRequests() {
    synchronized (log) {
      log.clear();
    }
  }

  /** The fault rules consulted for every request. */
  public FaultRules faults() {
    return faults;
  }

  /** How many requests are being served right now (including those held by a latency fault). */
  public int inFlight() {
    synchronized (flight) {
      return inFlight;
    }
  }

  /**
   * Waits until at least {@code n} requests are in flight, for tests that need concurrent requests to overlap.
   *
   * @return whether that happened before the timeout
   */
  public boolean awaitInFlight(int n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (flight) {
      while (inFlight < n) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(flight, left);
      }
      return true;
    }
  }

  /** Stops the server; requests held by latency faults are released. Idempotent. */
  @Override
  public void close() {
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      closedSignal.countDown();
      if (started) {
        server.close();
      }
    }
  }

  /**
   * Serves one request that no fault rule answered. Must be thread-safe. An exception becomes a 500 with
   * {@link #errorBody(int)}.
   */
  protected abstract SimResponse handle(SimRequest request);

  /**
   * The body a fault rule answers with for {@code status}. Subclasses return the platform's own error shape; the
   * default is a neutral JSON object.
   */
  protected SimResponse errorBody(int status) {
    return SimResponse.json(status, "{\"status\":" + status + ",\"error\":\"Simulated fault\"}");
  }

  private final class SimDispatcher extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest recorded) throws InterruptedException {
      long seq = sequence.incrementAndGet();
      Instant at = clock.instant();
      synchronized (flight) {
        inFlight++;
        flight.notifyAll();
      }
      try {
        return serve(seq, at, recorded);
      } finally {
        synchronized (flight) {
          inFlight--;
          flight.notifyAll();
        }
      }
    }
  }

  private MockResponse serve(long seq, Instant at, RecordedRequest recorded) throws InterruptedException {
    SimRequest request = toSimRequest(recorded);
    FaultRules.Decision decision = faults.decide(request);
    if (!decision.latency().isZero()) {
      if (closedSignal.await(decision.latency().toNanos(), TimeUnit.NANOSECONDS)) {
        // closing: answer at once so the server's threads can finish; the socket is being closed anyway
        SimResponse closing = errorBody(503);
        record(seq, at, request, closing.status(), decision.description() + "+closed");
        return toMockResponse(closing);
      }
    }
    FaultRule fault = decision.fault();
    if (fault != null && fault.kind() == FaultRule.Kind.DROP_CONNECTION) {
      record(seq, at, request, 0, decision.description());
      return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
    }
    SimResponse response;
    if (fault != null && fault.kind() == FaultRule.Kind.STATUS) {
      response = fault.body().isPresent()
          ? SimResponse.of(fault.status(), fault.contentType().orElseThrow(), fault.body().orElseThrow())
          : errorBody(fault.status());
    } else {
      response = safeHandle(request);
      if (fault != null && fault.kind() == FaultRule.Kind.WRONG_CONTENT_TYPE) {
        response = response.withHeader("Content-Type", "text/html;charset=UTF-8");
      } else if (fault != null && fault.kind() == FaultRule.Kind.MALFORMED_BODY) {
        String body = response.body().isEmpty() ? "{\"truncated\":" : response.body();
        response = response.withBody(body.substring(0, Math.max(1, body.length() / 2)));
      }
    }
    record(seq, at, request, response.status(), decision.description());
    return toMockResponse(response);
  }

  private SimResponse safeHandle(SimRequest request) {
    try {
      return handle(request);
    } catch (RuntimeException e) {
      LOG.warn("{} failed to handle {} {}", getClass().getSimpleName(), request.method(), request.path(), e);
      return errorBody(500);
    }
  }

  private void record(long seq, Instant at, SimRequest request, int status, @Nullable String fault) {
    String rawQuery = request.url().getRawQuery();
    LoggedRequest entry = new LoggedRequest(seq, at, request.method(), request.path(),
        rawQuery == null ? "" : rawQuery, lowerCaseHeaders(request.headers()), request.body(), status, fault);
    synchronized (log) {
      log.add(entry);
    }
  }

  private static Map<String, List<String>> lowerCaseHeaders(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    headers.forEach((k, v) -> out.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).addAll(v));
    return out;
  }

  private static MockResponse toMockResponse(SimResponse response) {
    MockResponse.Builder builder = new MockResponse.Builder().code(response.status());
    response.headers().forEach(builder::setHeader);
    if (!response.body().isEmpty() || (response.status() != 204 && response.status() != 304)) {
      builder.body(response.body());
    }
    return builder.build();
  }

  private static SimRequest toSimRequest(RecordedRequest recorded) {
    Headers headers = recorded.getHeaders();
    Map<String, List<String>> headerMap = new LinkedHashMap<>();
    for (String name : headers.names()) {
      headerMap.put(name, headers.values(name));
    }
    String target = recorded.getTarget();
    int q = target.indexOf('?');
    String rawPath = q < 0 ? target : target.substring(0, q);
    String rawQuery = q < 0 ? "" : target.substring(q + 1);
    String host = headers.get("Host");
    URI url;
    try {
      url = URI.create("http://" + (host == null ? "127.0.0.1" : host) + target);
    } catch (IllegalArgumentException e) {
      url = URI.create("http://" + (host == null ? "127.0.0.1" : host) + "/");
    }
    ByteString body = recorded.getBody();
    return new SimRequest(recorded.getMethod().toUpperCase(Locale.ROOT), SimRequest.percentDecode(rawPath),
        SimRequest.parseForm(rawQuery), headerMap, body == null ? "" : body.utf8(), url);
  }
}
