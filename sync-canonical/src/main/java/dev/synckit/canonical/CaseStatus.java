package dev.synckit.canonical;

/**
 * State of a support case. Immutable and thread-safe.
 */
public enum CaseStatus {
  /** Not yet triaged. */
  NEW,
  /** Being worked by support. */
  OPEN,
  /** Waiting for the requester. */
  PENDING,
  /** Waiting for a third party. */
  ON_HOLD,
  /** Solved; may be reopened. */
  SOLVED,
  /** Closed for good. */
  CLOSED
}
