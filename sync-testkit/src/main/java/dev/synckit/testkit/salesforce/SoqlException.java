package dev.synckit.testkit.salesforce;

/** A SOQL statement the simulator rejects, with the Salesforce error code to answer with. */
final class SoqlException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String errorCode;

  SoqlException(String errorCode, String message) {
    super(message);
    this.errorCode = errorCode;
  }

  String errorCode() {
    return errorCode;
  }
}
