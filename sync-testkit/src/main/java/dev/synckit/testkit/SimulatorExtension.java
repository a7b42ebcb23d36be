package dev.synckit.testkit;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that injects started simulators and closes them afterwards.
 *
 * <p>Resolves parameters of any concrete {@link PlatformSimulator} subclass that has a public static no-argument
 * {@code create()} method ({@code SalesforceSimulator}, {@code NetSuiteSimulator}, your own). A simulator asked for
 * by a test method (or its {@code @BeforeEach}/{@code @AfterEach} methods) lives for that test method and is
 * closed after it; one asked for by a {@code @BeforeAll} method or a constructor lives for the test class and is
 * closed after all its tests. Within one scope every parameter of the same type gets the same instance, and a
 * test method asking for a type already created for its class gets the class's instance.
 *
 * <pre>{@code
 * @ExtendWith(SimulatorExtension.class)
 * class MyConnectorFunctionalTest {
 *   @Test
 *   void readsAccounts(SalesforceSimulator salesforce) {
 *     salesforce.registerClient("id", "secret");
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Thread-safe: JUnit may call it from parallel test threads; each scope has its own store.
 */
public final class SimulatorExtension implements ParameterResolver, AfterEachCallback, AfterAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SimulatorExtension.class);

  /** Creates the extension; JUnit does this for {@code @ExtendWith}. */
  public SimulatorExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    return PlatformSimulator.class.isAssignableFrom(type)
        && !Modifier.isAbstract(type.getModifiers())
        && factory(type).isPresent();
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    for (ExtensionContext c = extensionContext; c != null; c = c.getParent().orElse(null)) {
      Holder holder = c.getStore(NAMESPACE).get(c.getUniqueId(), Holder.class);
      if (holder != null) {
        PlatformSimulator existing = holder.get(type);
        if (existing != null) {
          return existing;
        }
      }
    }
    Holder holder = extensionContext.getStore(NAMESPACE)
        .getOrComputeIfAbsent(extensionContext.getUniqueId(), k -> new Holder(), Holder.class);
    return holder.getOrCreate(type);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    closeScope(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    closeScope(context);
  }

  private static void closeScope(ExtensionContext context) {
    Holder holder = context.getStore(NAMESPACE).remove(context.getUniqueId(), Holder.class);
    if (holder != null) {
      holder.closeAll();
    }
  }

  private static Optional<Method> factory(Class<?> type) {
    try {
      Method create = type.getMethod("create");
      if (Modifier.isStatic(create.getModifiers()) && type.isAssignableFrom(create.getReturnType())) {
        return Optional.of(create);
      }
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** The simulators of one scope; not AutoCloseable on purpose, the callbacks close it. */
  private static final class Holder {
    private final Map<Class<?>, PlatformSimulator> simulators = new LinkedHashMap<>();

    synchronized @Nullable PlatformSimulator get(Class<?> type) {
      return simulators.get(type);
    }

    synchronized PlatformSimulator getOrCreate(Class<?> type) {
      PlatformSimulator existing = simulators.get(type);
      if (existing != null) {
        return existing;
      }
      Method create = factory(type).orElseThrow(
          () -> new ParameterResolutionException(type.getName() + " has no public static create()"));
      PlatformSimulator simulator;
      try {
        simulator = (PlatformSimulator) create.invoke(null);
      } catch (ReflectiveOperationException e) {
        throw new ParameterResolutionException("cannot create " + type.getName(), e);
      }
      simulator.start();
      simulators.put(type, simulator);
      return simulator;
    }

    void closeAll() {
      List<PlatformSimulator> all;
      synchronized (this) {
        all = new ArrayList<>(simulators.values());
        simulators.clear();
      }
      RuntimeException failure = null;
      for (PlatformSimulator s : all) {
        try {
          s.close();
        } catch (RuntimeException e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }
}
