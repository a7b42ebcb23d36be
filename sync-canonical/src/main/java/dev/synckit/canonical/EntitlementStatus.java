package dev.synckit.canonical;

/**
 * State of a customer's entitlement to a service. Immutable and thread-safe.
 */
public enum EntitlementStatus {
  /** Sold but not yet started. */
  PENDING,
  /** In force. */
  ACTIVE,
  /** Temporarily withdrawn, e.g. for non-payment. */
  SUSPENDED,
  /** Ended at its end date. */
  EXPIRED,
  /** Ended early. */
  CANCELLED
}
