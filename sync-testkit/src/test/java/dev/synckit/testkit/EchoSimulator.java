package dev.synckit.testkit;

import java.time.Clock;

/** A minimal simulator for testing the base class: answers every request with a small JSON echo. */
public final class EchoSimulator extends PlatformSimulator {

  private EchoSimulator() {
    super(Clock.systemUTC());
  }

  /** Used by SimulatorExtension. */
  public static EchoSimulator create() {
    return new EchoSimulator();
  }

  @Override
  protected SimResponse handle(SimRequest request) {
    return SimResponse.json(200, "{\"method\":\"" + request.method() + "\",\"path\":\"" + request.path()
        + "\",\"padding\":\"0123456789\"}");
  }
}
