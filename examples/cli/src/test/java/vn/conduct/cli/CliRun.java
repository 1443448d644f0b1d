package vn.conduct.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and keeps what it printed. */
final class CliRun {

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return ConductCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }
}
