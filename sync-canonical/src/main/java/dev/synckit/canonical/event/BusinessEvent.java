package dev.synckit.canonical.event;

/**
 * A business fact worth propagating between platforms. The set is closed so that consumers can
 * switch over it exhaustively. Implementations are immutable records and thread-safe.
 *
 * <p>The event payload (the record itself, as JSON) carries no type or version: those travel beside
 * it in the envelope, as {@link #eventType()} and {@link #schemaVersion()}.
 */
public sealed interface BusinessEvent
    permits CustomerRegistered, CustomerUpdated, OrderApproved, OrderRejected, InvoicePosted,
        InvoiceSettled, PaymentReceived, CaseEscalated, CaseUpdated, EntitlementChanged {

  /**
   * Returns the event type name: the record's simple name, e.g. {@code "CustomerRegistered"}.
   *
   * @return the type name used in envelopes and by {@link EventTypes}
   */
  default String eventType() {
    return getClass().getSimpleName();
  }

  /**
   * Returns the current schema version of this event type (its {@code SCHEMA_VERSION}).
   *
   * @return the version this instance serialises as
   */
  int schemaVersion();

  /**
   * Returns the ordering key: events with the same key are processed in order, one at a time. It is
   * the canonical customer id for customer, order, invoice, payment and entitlement events; for
   * {@link CaseEscalated} and {@link CaseUpdated} the organisation's customer id when present, else the case id.
   *
   * @return the business key
   */
  String businessKey();
}
