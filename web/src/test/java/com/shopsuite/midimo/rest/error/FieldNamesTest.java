package com.shopsuite.midimo.rest.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.rest.chat.PostMessageRequest;
import com.shopsuite.midimo.rest.chat.SupportThreadRequest;
import com.shopsuite.midimo.rest.chat.SupportThreadResource;
import com.shopsuite.midimo.rest.chat.ThreadResource;
import com.shopsuite.midimo.rest.chat.ThreadView;
import com.shopsuite.midimo.rest.presence.AgentAvailabilityResource;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldNamesTest {

  @Test
  void snakeCase_isJsonBsLowerCaseWithUnderscores() {
    assertThat(FieldNames.snakeCase("customerId")).isEqualTo("customer_id");
    assertThat(FieldNames.snakeCase("isTyping")).isEqualTo("is_typing");
    assertThat(FieldNames.snakeCase("content")).isEqualTo("content");
  }

  @Test
  void aBodyField_isNamedAsInTheJson() {
    assertThat(
            namesOf(
                Violations.violations(
                    new SupportThreadResource(),
                    "create",
                    new SupportThreadRequest("cust_1", null, null),
                    (UriInfo) null)))
        .containsExactly("order_id");
  }

  @Test
  void aMissingBody_isNamedBody() {
    assertThat(
            namesOf(
                Violations.violations(new SupportThreadResource(), "create", null, (UriInfo) null)))
        .containsExactly("body");
  }

  @Test
  void anElementOfABodyList_isNamedWithItsIndex() {
    PostMessageRequest request = new PostMessageRequest("u1", "hi", List.of("a1", " "));

    assertThat(
            namesOf(Violations.violations(new ThreadResource(), "post", "thread_1", null, request)))
        .containsExactly("attachment_ids[1]");
  }

  @Test
  void aHeader_isNamedAsTheHeader() {
    PostMessageRequest request = new PostMessageRequest("u1", "hi", null);

    assertThat(
            namesOf(
                Violations.violations(
                    new ThreadResource(), "post", "thread_1", "not acceptable!", request)))
        .containsExactly("Idempotency-Key");
  }

  @Test
  void aQueryParameter_isNamedAsInTheQuery() {
    assertThat(
            namesOf(Violations.violations(new ThreadResource(), "messages", "thread_1", 0, null)))
        .containsExactly("limit");
  }

  @Test
  void anElementOfARepeatedQueryParameter_isNamedWithItsIndex() {
    assertThat(
            namesOf(
                Violations.violations(
                    new AgentAvailabilityResource(), "availability", List.of("a1", "", "a3"))))
        .containsExactly("agent_id[1]");
  }

  @Test
  void aPathParameter_isNamedAsInThePath() {
    assertThat(namesOf(Violations.violations(new ThreadResource(), "get", "t".repeat(129))))
        .containsExactly("thread_id");
  }

  @Test
  void aSubclassOfTheResource_asCdiMakesThem_isNamedFromTheResourceItself() {
    // Weld validates its proxy subclass, whose overriding methods carry no annotations.
    ThreadResource proxy =
        new ThreadResource() {
          @Override
          public ThreadView get(String threadId) {
            return null;
          }
        };

    assertThat(namesOf(Violations.violations(proxy, "get", "t".repeat(129))))
        .containsExactly("thread_id");
  }

  private static List<String> namesOf(ConstraintViolationException failure) {
    return failure.getConstraintViolations().stream().map(FieldNames::of).sorted().toList();
  }
}
