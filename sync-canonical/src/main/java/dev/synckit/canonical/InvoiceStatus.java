package dev.synckit.canonical;

/**
 * Lifecycle state of an invoice. Immutable and thread-safe.
 */
public enum InvoiceStatus {
  /** Not yet sent. */
  DRAFT,
  /** Sent; nothing paid. */
  OPEN,
  /** Part of the amount is paid. */
  PARTIALLY_PAID,
  /** Fully paid. */
  PAID,
  /** Past its due date with an amount due. */
  OVERDUE,
  /** Cancelled; never collectable. */
  VOID,
  /** Deemed uncollectable. */
  WRITTEN_OFF
}
