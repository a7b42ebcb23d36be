package dev.synckit.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The fault rules of one simulator. Thread-safe: rules may be added or cleared while requests are being served;
 * each request is decided against the rules present when it arrives.
 *
 * <p>Every rule keeps its own counters (matching requests seen, times fired, its PRNG). Latency rules add up;
 * of the other rules the first one added that fires decides the outcome.
 */
public final class FaultRules {

  private final CopyOnWriteArrayList<Entry> entries = new CopyOnWriteArrayList<>();

  FaultRules() {}

  /** Adds a rule; it starts counting requests from now. Returns this for chaining. */
  public FaultRules add(FaultRule rule) {
    entries.add(new Entry(Objects.requireNonNull(rule, "rule")));
    return this;
  }

  /** Removes all rules. */
  public void clear() {
    entries.clear();
  }

  /** The rules, in the order they were added. */
  public List<FaultRule> rules() {
    List<FaultRule> out = new ArrayList<>();
    for (Entry e : entries) {
      out.add(e.rule);
    }
    return List.copyOf(out);
  }

  Decision decide(SimRequest request) {
    Duration latency = Duration.ZERO;
    FaultRule fault = null;
    List<String> applied = new ArrayList<>();
    for (Entry e : entries) {
      if (!e.fires(request)) {
        continue;
      }
      if (e.rule.kind() == FaultRule.Kind.LATENCY) {
        latency = latency.plus(e.rule.delay());
        applied.add(e.rule.describe());
      } else if (fault == null) {
        fault = e.rule;
        applied.add(e.rule.describe());
      } else {
        e.undoFire();
      }
    }
    return new Decision(latency, fault, applied.isEmpty() ? null : String.join("+", applied));
  }

  record Decision(Duration latency, @Nullable FaultRule fault, @Nullable String description) {}

  private static final class Entry {
    private final FaultRule rule;
    private final Random random;
    private long matched;
    private int fired;

    Entry(FaultRule rule) {
      this.rule = rule;
      this.random = new Random(rule.seed());
    }

    synchronized boolean fires(SimRequest request) {
      if (!rule.matches(request)) {
        return false;
      }
      matched++;
      if (!rule.inRange(matched)) {
        return false;
      }
      if (rule.probability() < 1.0 && random.nextDouble() >= rule.probability()) {
        return false;
      }
      if (fired >= rule.maxTimes()) {
        return false;
      }
      fired++;
      return true;
    }

    /** A rule that fired but was shadowed by an earlier fault does not use up one of its times. */
    synchronized void undoFire() {
      fired--;
    }
  }
}
