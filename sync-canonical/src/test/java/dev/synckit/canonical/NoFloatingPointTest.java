package dev.synckit.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class NoFloatingPointTest {

  private static final Pattern BINARY_FLOATING_POINT = Pattern.compile("\\b(double|float|Double|Float)\\b");

  @Test
  void mainSources_neverUseBinaryFloatingPoint() throws IOException {
    Path main = Path.of("src/main/java");
    List<String> offenders;
    try (Stream<Path> files = Files.walk(main)) {
      offenders = files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> {
            try {
              return BINARY_FLOATING_POINT.matcher(Files.readString(p)).find();
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          })
          .map(Path::toString)
          .collect(Collectors.toList());
    }

    assertThat(offenders).isEmpty();
  }
}
