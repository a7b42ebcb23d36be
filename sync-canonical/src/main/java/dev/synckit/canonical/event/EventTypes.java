package dev.synckit.canonical.event;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The registry of business event types: name to class and current schema version. Immutable and
 * thread-safe.
 */
public final class EventTypes {

  private record Entry(Class<? extends BusinessEvent> type, int version) {
  }

  private static final Map<String, Entry> TYPES;

  static {
    Map<String, Entry> m = new TreeMap<>();
    put(m, CustomerRegistered.class, CustomerRegistered.SCHEMA_VERSION);
    put(m, CustomerUpdated.class, CustomerUpdated.SCHEMA_VERSION);
    put(m, OrderApproved.class, OrderApproved.SCHEMA_VERSION);
    put(m, OrderRejected.class, OrderRejected.SCHEMA_VERSION);
    put(m, InvoicePosted.class, InvoicePosted.SCHEMA_VERSION);
    put(m, InvoiceSettled.class, InvoiceSettled.SCHEMA_VERSION);
    put(m, PaymentReceived.class, PaymentReceived.SCHEMA_VERSION);
    put(m, CaseEscalated.class, CaseEscalated.SCHEMA_VERSION);
    put(m, CaseUpdated.class, CaseUpdated.SCHEMA_VERSION);
    put(m, EntitlementChanged.class, EntitlementChanged.SCHEMA_VERSION);
    TYPES = Collections.unmodifiableMap(m);
  }

  private EventTypes() {
  }

  private static void put(Map<String, Entry> m, Class<? extends BusinessEvent> type, int version) {
    m.put(type.getSimpleName(), new Entry(type, version));
  }

  /**
   * Looks up an event class by type name.
   *
   * @param eventType the type name, e.g. {@code "OrderApproved"}
   * @return the class, or empty if no such event type exists
   */
  public static Optional<Class<? extends BusinessEvent>> classOf(String eventType) {
    Objects.requireNonNull(eventType, "eventType");
    return Optional.ofNullable(TYPES.get(eventType)).map(Entry::type);
  }

  /**
   * Returns the current schema version of an event type.
   *
   * @param eventType the type name
   * @return the version new events of this type are written with
   * @throws IllegalArgumentException if the type is unknown
   */
  public static int currentVersion(String eventType) {
    Objects.requireNonNull(eventType, "eventType");
    Entry e = TYPES.get(eventType);
    if (e == null) {
      throw new IllegalArgumentException("eventType: unknown business event type '" + eventType + "'");
    }
    return e.version();
  }

  /**
   * Returns every event type name, sorted.
   *
   * @return the names
   */
  public static Set<String> names() {
    return TYPES.keySet();
  }
}
