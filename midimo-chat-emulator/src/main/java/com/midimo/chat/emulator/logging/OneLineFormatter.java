package com.midimo.chat.emulator.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** {@code <instant> <level> <message>} on one line (a stack trace, when there is one, follows). */
public final class OneLineFormatter extends Formatter {
  @Override
  public String format(LogRecord record) {
    StringBuilder line =
        new StringBuilder(200)
            .append(Instant.ofEpochMilli(record.getMillis()))
            .append(' ')
            .append(record.getLevel().getName())
            .append(' ')
            .append(formatMessage(record))
            .append(System.lineSeparator());
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.append(trace);
    }
    return line.toString();
  }
}
