package com.shopsuite.midimo.benchmarks.resilience;

/** A two-column Markdown table, figure by figure. */
public final class Table {
  private final StringBuilder md = new StringBuilder("| | |\n|---|---:|\n");

  public Table row(String name, Object value) {
    md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    return this;
  }

  @Override
  public String toString() {
    return md.toString();
  }
}
