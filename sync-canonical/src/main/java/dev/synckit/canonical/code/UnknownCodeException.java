package dev.synckit.canonical.code;

/**
 * Thrown when a value cannot be resolved in a canonical code table (an unknown ISO 4217 currency
 * code or an unrecognised country). Immutable and thread-safe.
 */
public final class UnknownCodeException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String table;
  private final String code;

  /**
   * Creates the exception.
   *
   * @param table the code table, e.g. {@code "ISO 4217 currency"}
   * @param code the rejected input
   */
  public UnknownCodeException(String table, String code) {
    super("unknown " + table + " code: '" + abbreviate(code) + "'");
    this.table = table;
    this.code = code;
  }

  /**
   * Returns the name of the code table that rejected the value.
   *
   * @return the table name
   */
  public String table() {
    return table;
  }

  /**
   * Returns the rejected input.
   *
   * @return the input exactly as given
   */
  public String code() {
    return code;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
