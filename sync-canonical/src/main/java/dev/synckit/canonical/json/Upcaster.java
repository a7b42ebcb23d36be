package dev.synckit.canonical.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Migrates a stored event payload of one type from schema version {@link #fromVersion()} to
 * {@code fromVersion() + 1}, as a JSON tree transformation. Upcasters are chained by
 * {@link UpcasterChain}; each must be pure and thread-safe. Use {@link #of} to make one from a lambda.
 */
public interface Upcaster {

  /**
   * Returns the event type this upcaster migrates.
   *
   * @return the event type name, e.g. {@code "CustomerRegistered"}
   */
  String eventType();

  /**
   * Returns the version this upcaster reads; it produces {@code fromVersion() + 1}.
   *
   * @return the source version, at least 1
   */
  int fromVersion();

  /**
   * Transforms the payload. The chain hands each upcaster its own copy, so mutating and returning
   * {@code document} is allowed.
   *
   * @param document the payload at {@link #fromVersion()}
   * @return the payload at {@code fromVersion() + 1}
   */
  ObjectNode upcast(ObjectNode document);

  /**
   * Creates an upcaster from a function.
   *
   * @param eventType the event type
   * @param fromVersion the source version
   * @param function the transformation
   * @return the upcaster
   */
  static Upcaster of(String eventType, int fromVersion, UnaryOperator<ObjectNode> function) {
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(function, "function");
    if (fromVersion < 1) {
      throw new IllegalArgumentException("fromVersion: must be at least 1 but was " + fromVersion);
    }
    return new Upcaster() {
      @Override
      public String eventType() {
        return eventType;
      }

      @Override
      public int fromVersion() {
        return fromVersion;
      }

      @Override
      public ObjectNode upcast(ObjectNode document) {
        return function.apply(document);
      }

      @Override
      public String toString() {
        return "Upcaster[" + eventType + " v" + fromVersion + " -> v" + (fromVersion + 1) + "]";
      }
    };
  }
}
