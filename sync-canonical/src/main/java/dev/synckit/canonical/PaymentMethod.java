package dev.synckit.canonical;

/**
 * How a payment was made. Immutable and thread-safe.
 */
public enum PaymentMethod {
  /** Credit or debit card. */
  CARD,
  /** ACH / direct debit bank transfer. */
  ACH,
  /** Wire transfer. */
  WIRE,
  /** Cheque. */
  CHECK,
  /** Cash. */
  CASH,
  /** Any other method. */
  OTHER
}
