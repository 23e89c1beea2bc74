package com.shopsuite.midimo.rest.error;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

class MalformedBodyExceptionTest {

  @Test
  void brokenJson_saysWhereItBroke() {
    // As RESTEasy reports it: its ProcessingException around JSON-B's, around the parser's.
    ProcessingException failure =
        new ProcessingException(
            "RESTEASY008200: JSON Binding deserialization error",
            new JsonbException(
                "Internal error",
                new JsonParsingException("Unexpected char 125", location(1, 26))));

    assertThat(MalformedBodyException.of(failure).getMessage())
        .isEqualTo("request body is not valid JSON (line 1, column 26)");
  }

  @Test
  void jsonOfTheWrongShape_saysSoWithoutOurClassNames() {
    ProcessingException failure =
        new ProcessingException(
            "RESTEASY008200",
            new JsonbException(
                "Cannot deserialize com.shopsuite.midimo.rest.chat.PostMessageRequest"));

    assertThat(MalformedBodyException.of(failure).getMessage())
        .startsWith("request body does not match the expected JSON object")
        .doesNotContain("com.shopsuite", "RESTEASY");
  }

  private static JsonLocation location(long line, long column) {
    return new JsonLocation() {
      @Override
      public long getLineNumber() {
        return line;
      }

      @Override
      public long getColumnNumber() {
        return column;
      }

      @Override
      public long getStreamOffset() {
        return column - 1;
      }
    };
  }
}
