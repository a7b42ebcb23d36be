package dev.synckit.canonical;

/**
 * Priority of a support case. Immutable and thread-safe.
 */
public enum CasePriority {
  /** Low. */
  LOW,
  /** Normal. */
  NORMAL,
  /** High. */
  HIGH,
  /** Urgent: business stopped. */
  URGENT
}
