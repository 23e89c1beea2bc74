package com.shopsuite.midimo.benchmarks.suite;

import java.util.List;

/**
 * A table of runs in the report.
 *
 * @param heading e.g. "SendMessage"
 * @param rows in the order they ran
 */
public record ResultTable(String heading, List<Measurement> rows) {}
