package dev.synckit.canonical;

/**
 * Lifecycle state of a customer. Immutable and thread-safe.
 */
public enum CustomerStatus {
  /** Not yet buying. */
  PROSPECT,
  /** Buying and in good standing. */
  ACTIVE,
  /** Credit or compliance hold: no new orders. */
  ON_HOLD,
  /** Dormant; may return. */
  INACTIVE,
  /** Relationship ended; kept for history. */
  CLOSED
}
