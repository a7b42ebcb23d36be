package dev.synckit.canonical.json;

/**
 * A stored event payload cannot be brought to the current schema version: its version is newer than
 * the one this library knows, or the upcaster chain lacks a step. Immutable and thread-safe.
 */
public final class SchemaVersionException extends CanonicalJsonException {

  private static final long serialVersionUID = 1L;

  private final int storedVersion;
  private final int currentVersion;

  /**
   * Creates the exception.
   *
   * @param eventType the event type
   * @param storedVersion the version the payload was written with
   * @param currentVersion the version the library reads
   * @param detail what is missing or wrong
   */
  public SchemaVersionException(String eventType, int storedVersion, int currentVersion, String detail) {
    super(eventType, "", detail + " (stored version " + storedVersion + ", current version " + currentVersion + ")", null);
    this.storedVersion = storedVersion;
    this.currentVersion = currentVersion;
  }

  /**
   * Returns the version the payload was written with.
   *
   * @return the stored version
   */
  public int storedVersion() {
    return storedVersion;
  }

  /**
   * Returns the version this library reads.
   *
   * @return the current version
   */
  public int currentVersion() {
    return currentVersion;
  }
}
