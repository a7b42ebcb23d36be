package dev.synckit.canonical.json;

import org.jspecify.annotations.Nullable;

/**
 * A canonical JSON document could not be read (or a value could not be written). The message names
 * the target type and the JSON path of the fault, e.g. {@code billTo[0].address.country}, and never
 * contains the whole payload. Immutable and thread-safe.
 */
public class CanonicalJsonException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String targetType;
  private final String path;

  /**
   * Creates the exception.
   *
   * @param targetType the simple name of the type being read or written
   * @param path the JSON path of the fault in dotted form; empty for the document root
   * @param detail what is wrong, without the payload
   * @param cause the underlying failure, if any
   */
  public CanonicalJsonException(String targetType, String path, String detail, @Nullable Throwable cause) {
    super(format(targetType, path, detail), cause);
    this.targetType = targetType;
    this.path = path;
  }

  /**
   * Returns the simple name of the type that was being read or written.
   *
   * @return the target type, e.g. {@code Customer} or {@code CustomerRegistered}
   */
  public String targetType() {
    return targetType;
  }

  /**
   * Returns the JSON path of the fault, in dotted form with indexes: {@code lines[0].unitPrice.currency}.
   *
   * @return the path; empty when the fault is the document as a whole
   */
  public String path() {
    return path;
  }

  private static String format(String targetType, String path, String detail) {
    return "Cannot read " + targetType + " at " + (path.isEmpty() ? "(document root)" : path) + ": " + detail;
  }
}
