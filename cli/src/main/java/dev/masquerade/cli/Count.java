package dev.masquerade.cli;

import java.util.Locale;

/** A number with its noun, singular or plural as the number asks: "1 epoch", "1,000 steps". */
final class Count {
    private Count() {
    }

    /** {@code n} and {@code noun} (a regular noun: its plural adds an s), the number with thousands separators. */
    static String of(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
