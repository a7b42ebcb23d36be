package dev.synckit.canonical;

/**
 * How often a subscription is billed. Immutable and thread-safe.
 */
public enum BillingFrequency {
  /** Billed once. */
  ONE_TIME,
  /** Every month. */
  MONTHLY,
  /** Every three months. */
  QUARTERLY,
  /** Every six months. */
  SEMI_ANNUAL,
  /** Every year. */
  ANNUAL
}
