package dev.synckit.canonical;

/**
 * Lifecycle state of an order. Immutable and thread-safe.
 */
public enum OrderStatus {
  /** Being prepared; not yet submitted. */
  DRAFT,
  /** Submitted; awaiting approval. */
  PENDING_APPROVAL,
  /** Approved for fulfilment and billing. */
  APPROVED,
  /** Rejected by approval or by a downstream system. */
  REJECTED,
  /** Delivered or provisioned. */
  FULFILLED,
  /** Withdrawn before fulfilment. */
  CANCELLED,
  /** Fulfilled and fully billed. */
  CLOSED
}
