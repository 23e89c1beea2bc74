package com.shopsuite.midimo.benchmarks.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileSummaryTest {

  @Test
  void aSampleIsChargedToTheInnermostKnownComponent_aJdkFrameToItsCaller() {
    String[] frames = {
      "[default task-1 tid=7]",
      "io/undertow/server/Connectors.executeRootHandler",
      "io/smallrye/faulttolerance/core/timeout/Timeout.apply",
      "java/util/concurrent/ConcurrentSkipListSet.add"
    };
    assertThat(ProfileSummary.component(frames)).isEqualTo("SmallRye Fault Tolerance");
  }

  @Test
  void aSampleInTheKernel_isTheKernels() {
    String[] frames = {
      "[default task-1 tid=7]", "io/grpc/stub/ClientCalls.blockingUnaryCall", "futex_wake_[k]"
    };
    assertThat(ProfileSummary.component(frames)).isEqualTo("kernel (system calls, scheduling)");
  }

  @Test
  void theSummary_sharesTheRequestThreadsSamplesByComponent_andOtherThreadsByPool(@TempDir Path dir)
      throws Exception {
    Files.writeString(
        dir.resolve("wildfly-1-cpu.collapsed"),
        """
        [default task-1 tid=7];io/grpc/stub/ClientCalls.blockingUnaryCall 3
        [default task-2 tid=8];com/shopsuite/midimo/rest/chat/ThreadResource.post 1
        [default task-2 tid=8];java/lang/Thread.run;LockSupport.park;futex_wait_[k] 4
        [C2 CompilerThread0 tid=9];Compile::Compile 2
        """);

    String summary = ProfileSummary.summariseAll(dir);

    assertThat(summary)
        .contains("10 samples")
        .contains("| [default task-N] | 80.0 % |")
        .contains("| [CN CompilerThreadN] | 20.0 % |")
        .contains("| grpc-java | 37.5 % |")
        .contains("| our code (web, ejb) | 12.5 % |")
        .contains("| kernel (system calls, scheduling) | 50.0 % |")
        .contains("`java/lang/Thread.run` | 50.0 %");
    assertThat(dir.resolve("summary.md")).content().isEqualTo(summary);
  }
}
