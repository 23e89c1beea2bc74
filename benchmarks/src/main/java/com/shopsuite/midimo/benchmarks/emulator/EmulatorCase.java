package com.shopsuite.midimo.benchmarks.emulator;

import com.shopsuite.midimo.benchmarks.load.LoadResult;
import com.shopsuite.midimo.benchmarks.suite.BenchmarkCase;
import com.shopsuite.midimo.benchmarks.suite.CaseResult;
import com.shopsuite.midimo.benchmarks.suite.Measurement;
import com.shopsuite.midimo.benchmarks.suite.ResultTable;
import com.shopsuite.midimo.benchmarks.suite.Suite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code emulator} subcommand's closed-loop runs (emulator and client in this JVM), in the
 * suite so that BENCHMARKS.md's emulator section is refreshed by the same run.
 */
public final class EmulatorCase implements BenchmarkCase {
  public static final String ID = "emulator";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Midimo Chat emulator: unary calls per second (in-process)";
  }

  @Override
  public CaseResult run(Suite suite) throws Exception {
    suite.log("emulator: in-process, concurrency %s", suite.settings().concurrency());
    List<Measurement> rows = new ArrayList<>();
    for (LoadResult result :
        EmulatorBenchmark.measure(
            suite.settings().concurrency(),
            (int) suite.settings().warmup().toSeconds(),
            (int) suite.settings().closedLoop().toSeconds())) {
      rows.add(new Measurement(ID + "/c" + result.label(), result.label(), result, -1));
    }
    return new CaseResult(
        ID,
        title(),
        "As `java -jar benchmarks/target/midimo-chat-benchmarks.jar emulator` with the suite's"
            + " durations.",
        List.of(new ResultTable("SendMessage", rows)),
        Map.of(),
        List.of());
  }
}
