package dev.synckit.canonical;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A canonical record that carries its identity in each platform as a list of {@link ExternalRef external references}.
 * The records implement {@link #externalRefs()} with their {@code externalRefs} component.
 */
public interface ExternallyReferenced {

  /**
   * Returns this record's external references, in order.
   *
   * @return the references, possibly several per platform; immutable
   */
  List<ExternalRef> externalRefs();

  /**
   * Returns this record's id in one platform: the first external reference of that system.
   *
   * @param system the platform
   * @return the platform's record id, or empty if the record has no reference there
   */
  default Optional<String> externalId(SourceSystem system) {
    Objects.requireNonNull(system, "system");
    return externalRefs().stream().filter(r -> r.system().equals(system)).map(ExternalRef::id).findFirst();
  }
}
