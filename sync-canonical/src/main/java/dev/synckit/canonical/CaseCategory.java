package dev.synckit.canonical;

/**
 * Kind of support case. Immutable and thread-safe.
 */
public enum CaseCategory {
  /** A question. */
  QUESTION,
  /** An occurrence of a problem. */
  INCIDENT,
  /** A root problem behind incidents. */
  PROBLEM,
  /** A task to do. */
  TASK,
  /** The customer disputes an invoice. */
  BILLING_DISPUTE,
  /** A request for new capability. */
  FEATURE_REQUEST
}
