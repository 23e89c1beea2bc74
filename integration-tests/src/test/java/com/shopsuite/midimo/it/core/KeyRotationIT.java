package com.shopsuite.midimo.it.core;

import static com.shopsuite.midimo.it.rest.Storefront.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.midimo.chat.emulator.v1.SetJwtKeysRequest;
import com.shopsuite.midimo.it.Deployments;
import com.shopsuite.midimo.it.Emulator;
import com.shopsuite.midimo.it.rest.Storefront;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rotating the JWT secret and key id shared with Midimo Chat by replacing them in the server's
 * secrets directory, as an operator (or a Kubernetes secret update) does: no redeploy, no restart.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeyRotationIT {

  private static final String SECRET_KEY = "midimo.chat.jwt.secret-key";
  private static final String KEY_ID = "midimo.chat.jwt.key-id";
  private static final String ROTATED_SECRET = "rotated-by-the-operator-0123456789abcdefghijkl";

  private final Path secrets =
      Path.of(System.getProperty("wildfly.base.dir"), "configuration", "midimo-chat-secrets");
  private String originalSecret;
  private String threadId;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @BeforeEach
  void aThreadMadeWithTheOriginalSecret() throws IOException {
    originalSecret = Files.readString(secrets.resolve(SECRET_KEY));
    threadId = Storefront.freshSupportThread();
  }

  @AfterEach
  void restoreTheOriginalSecret() throws IOException {
    Files.writeString(secrets.resolve(SECRET_KEY), originalSecret);
    Files.deleteIfExists(secrets.resolve(KEY_ID));
    // Reset gives the emulator its original keys again; the server's next rejected token makes it
    // read the restored files.
    Emulator.reset();
  }

  @Test
  void aSecretAndKeyIdReplacedInTheSecretsDirectory_areUsedWithoutARestart() throws IOException {
    Emulator.control()
        .setJwtKeys(
            SetJwtKeysRequest.newBuilder()
                .putKeys("rotated", ROTATED_SECRET)
                .setPrimaryKeyId("rotated")
                .build());
    Storefront.post(messages(), json("user_id", "cust_1", "content", "before"))
        .problem(502, "bad-gateway");

    Files.writeString(secrets.resolve(SECRET_KEY), ROTATED_SECRET);
    Files.writeString(secrets.resolve(KEY_ID), "rotated");

    Storefront.Reply after =
        Storefront.post(messages(), json("user_id", "cust_1", "content", "after the rotation"));
    assertThat(after.status()).as(after.body()).isEqualTo(201);
    assertThat(Emulator.stats().getMessages()).isEqualTo(1);
  }

  private String messages() {
    return "/threads/" + threadId + "/messages";
  }
}
