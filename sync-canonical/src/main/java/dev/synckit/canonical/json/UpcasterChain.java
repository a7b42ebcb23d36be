package dev.synckit.canonical.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An immutable set of {@link Upcaster}s, at most one per event type and source version, applied in
 * sequence to bring a stored payload to a target version. Thread-safe.
 *
 * <p>{@link #defaults()} holds the built-in upcasters documented in {@code docs/events.md}; extend it
 * with {@code UpcasterChain.defaults().toBuilder().add(...).build()}.
 */
public final class UpcasterChain {

  private static final UpcasterChain DEFAULTS = builder()
      .add(new CustomerV1ToV2Upcaster("CustomerRegistered"))
      .add(new CustomerV1ToV2Upcaster("CustomerUpdated"))
      .build();

  private final Map<String, Map<Integer, Upcaster>> steps;

  private UpcasterChain(Map<String, Map<Integer, Upcaster>> steps) {
    Map<String, Map<Integer, Upcaster>> copy = new TreeMap<>();
    steps.forEach((type, byVersion) -> copy.put(type, Collections.unmodifiableMap(new TreeMap<>(byVersion))));
    this.steps = Collections.unmodifiableMap(copy);
  }

  /**
   * Returns the chain of built-in upcasters (Customer v1 to v2 for {@code CustomerRegistered} and
   * {@code CustomerUpdated}).
   *
   * @return the default chain
   */
  public static UpcasterChain defaults() {
    return DEFAULTS;
  }

  /**
   * Starts an empty builder.
   *
   * @return a builder holding no upcasters
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder holding this chain's upcasters.
   *
   * @return a builder to extend this chain
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    upcasters().forEach(b::add);
    return b;
  }

  /**
   * Returns every upcaster, ordered by event type then source version.
   *
   * @return the upcasters
   */
  public List<Upcaster> upcasters() {
    List<Upcaster> all = new ArrayList<>();
    steps.values().forEach(byVersion -> all.addAll(byVersion.values()));
    return List.copyOf(all);
  }

  /**
   * Brings a payload from one version to a later one, one step at a time. The input is not modified.
   *
   * @param eventType the event type
   * @param fromVersion the version the payload was written with
   * @param toVersion the version wanted
   * @param document the payload
   * @return the payload at {@code toVersion}; a copy of {@code document} when the versions are equal
   * @throws SchemaVersionException if {@code fromVersion > toVersion}, or a step is missing
   */
  public ObjectNode upcast(String eventType, int fromVersion, int toVersion, ObjectNode document) {
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(document, "document");
    if (fromVersion < 1) {
      throw new SchemaVersionException(eventType, fromVersion, toVersion, "schema versions start at 1");
    }
    if (fromVersion > toVersion) {
      throw new SchemaVersionException(eventType, fromVersion, toVersion,
          eventType + " version " + fromVersion + " is newer than this library supports");
    }
    Map<Integer, Upcaster> byVersion = steps.getOrDefault(eventType, Map.of());
    ObjectNode current = document.deepCopy();
    for (int v = fromVersion; v < toVersion; v++) {
      Upcaster step = byVersion.get(v);
      if (step == null) {
        throw new SchemaVersionException(eventType, fromVersion, toVersion,
            "no upcaster for " + eventType + " from version " + v + " to " + (v + 1));
      }
      current = Objects.requireNonNull(step.upcast(current), "upcaster returned null");
    }
    return current;
  }

  @Override
  public String toString() {
    return "UpcasterChain" + upcasters();
  }

  /**
   * Collects upcasters for an {@link UpcasterChain}. Not thread-safe.
   */
  public static final class Builder {

    private final Map<String, Map<Integer, Upcaster>> steps = new TreeMap<>();

    private Builder() {
    }

    /**
     * Adds an upcaster.
     *
     * @param upcaster the upcaster
     * @return this builder
     * @throws IllegalArgumentException if an upcaster for the same type and version is already present
     */
    public Builder add(Upcaster upcaster) {
      Objects.requireNonNull(upcaster, "upcaster");
      String type = Objects.requireNonNull(upcaster.eventType(), "eventType");
      int from = upcaster.fromVersion();
      if (from < 1) {
        throw new IllegalArgumentException("fromVersion: must be at least 1 but was " + from + " for " + type);
      }
      Upcaster previous = steps.computeIfAbsent(type, t -> new TreeMap<>()).putIfAbsent(from, upcaster);
      if (previous != null) {
        throw new IllegalArgumentException(
            "upcaster: " + type + " already has an upcaster from version " + from);
      }
      return this;
    }

    /**
     * Builds the immutable chain; the builder can still be used afterwards.
     *
     * @return the chain
     */
    public UpcasterChain build() {
      return new UpcasterChain(steps);
    }
  }
}
