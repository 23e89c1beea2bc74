package com.shopsuite.midimo.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  @TempDir Path dir;

  @Test
  void writeInto_replacesTheBlockBetweenTheMarkers_andKeepsTheRest() throws Exception {
    Path file = dir.resolve("BENCHMARKS.md");
    Files.writeString(
        file,
        "# Benchmarks\n\nBy hand.\n\n"
            + Report.SUITE_BEGIN
            + "\nold table\n"
            + Report.SUITE_END
            + "\n\n## More by hand\n");

    Report.writeInto(file, Report.SUITE_BEGIN, Report.SUITE_END, "new table\n");

    assertThat(Files.readString(file))
        .isEqualTo(
            "# Benchmarks\n\nBy hand.\n\n"
                + Report.SUITE_BEGIN
                + "\nnew table\n"
                + Report.SUITE_END
                + "\n\n## More by hand\n");
  }

  @Test
  void writeInto_appendsTheBlock_whenTheFileHasNoMarkers() throws Exception {
    Path file = dir.resolve("BENCHMARKS.md");
    Files.writeString(file, "# Benchmarks\n");

    Report.writeInto(file, Report.SUITE_BEGIN, Report.SUITE_END, "table");

    assertThat(Files.readString(file))
        .isEqualTo("# Benchmarks\n\n" + Report.SUITE_BEGIN + "\ntable\n" + Report.SUITE_END + "\n");
  }
}
