package com.shopsuite.midimo.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shopsuite.midimo.it.Deployments;
import com.shopsuite.midimo.it.Management;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Undeploying closes the channel pool and stops every thread it started, and twenty redeploys leave
 * no class loader behind: the server's loaded-class count comes back to where it was.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedeployIT {

  private static final String APP = "app";
  private static final int REDEPLOYS = 20;

  /** Deployments the server's idle threads may still reference (see the test's comment). */
  private static final int RETAINED_BY_IDLE_THREADS = 3;

  @Deployment(name = APP, managed = false, testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource Deployer deployer;

  @ArquillianResource ManagementClient management;

  @Test
  void redeploying20Times_leavesNoPoolThreadBehind_andLoadedClassesDoNotGrow() {
    long loadedBefore = Management.classesEverLoaded(management.getControllerClient());
    cycle();
    long oneDeployment =
        Management.classesEverLoaded(management.getControllerClient()) - loadedBefore;
    for (int i = 1; i < REDEPLOYS / 2; i++) {
      cycle();
    }
    int halfway = Management.loadedClassesAfterGc(management.getControllerClient());

    for (int i = REDEPLOYS / 2; i < REDEPLOYS; i++) {
      cycle();
    }

    int end = Management.loadedClassesAfterGc(management.getControllerClient());
    // A leaking deployment keeps all its classes (gRPC, Netty, protobuf, ours): ten more
    // redeploys would add ten times oneDeployment. The server itself keeps a bounded trace of
    // recent deployments, which a heap dump after 20 redeploys shows: each idle thread of its
    // pools (jboss-threads' EnhancedQueueExecutor: HTTP workers, management, server service
    // threads) still holds the last task it ran, and through it that task's class loader, until
    // it runs another; SmallRye Fault Tolerance's timer thread keeps the class loader of the
    // deployment that first needed it. So a few recent deployments may be loaded at either count,
    // and which ones is up to the thread pools: compare halfway with the end, and allow that
    // trace (under a third of what ten leaking redeploys add), never growth with each redeploy.
    assertThat(oneDeployment).as("classes one deployment loads").isGreaterThan(1_000);
    assertThat((long) (end - halfway))
        .as(
            "classes still loaded after %d more redeploys (one deployment: %d)",
            REDEPLOYS / 2, oneDeployment)
        .isLessThan(RETAINED_BY_IDLE_THREADS * oneDeployment);
  }

  /** Deploy, make the pool connect, undeploy, and check its threads are gone. */
  private void cycle() {
    deployer.deploy(APP);
    connectChannels();
    assertThat(poolThreads()).isNotEmpty();
    deployer.undeploy(APP);
    awaitNoPoolThreads();
  }

  /** A readiness probe is a call through the pool, so its channels connect and its threads run. */
  private static void connectChannels() {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Management.get("/health/ready").statusCode() == 200);
  }

  private void awaitNoPoolThreads() {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(poolThreads()).isEmpty());
  }

  /**
   * The pool's own threads, gRPC's shared ones (which the pool must never fall back to), and
   * Netty's global executor (which Netty starts while the pool shuts down).
   */
  private List<String> poolThreads() {
    return Management.threadNames(management.getControllerClient()).stream()
        .filter(
            name ->
                name.startsWith("midimo-chat-")
                    || name.startsWith("grpc-")
                    || name.startsWith("globalEventExecutor"))
        .toList();
  }
}
