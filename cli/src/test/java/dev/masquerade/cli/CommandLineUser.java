package dev.masquerade.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs masquerade command lines in-process, as a user would type them, and keeps what they print. */
final class CommandLineUser {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs one command line; returns its exit code. */
    int run(String... args) {
        return Masquerade.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** Everything printed to standard output so far. */
    String out() {
        return out.toString();
    }

    /** Everything printed to standard error so far. */
    String err() {
        return err.toString();
    }
}
