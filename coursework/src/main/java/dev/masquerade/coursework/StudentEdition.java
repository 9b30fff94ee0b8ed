package dev.masquerade.coursework;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The student edition of a source file: each {@link SolutionRegion}'s reference code replaced by
 * a stub that says what to write and where it is derived. In Java the stub throws, so the
 * task's tests fail with its statement until the student writes it; in an OpenCL kernel (which
 * cannot throw) it is a comment, and the kernel's output is wrong until then.
 */
public final class StudentEdition {
    private StudentEdition() {
    }

    /** {@code text} with every solution region's body stubbed; a file without regions comes back unchanged. */
    public static String of(String fileName, String text) {
        return of(fileName, text, SolutionRegion.find(fileName, Arrays.asList(text.split("\n", -1))));
    }

    /** {@code text} with the given regions (found in it) stubbed, the others left as they are. */
    static String of(String fileName, String text, List<SolutionRegion> regions) {
        List<String> lines = Arrays.asList(text.split("\n", -1)); // -1: a last newline survives the round trip
        if (regions.isEmpty()) {
            return text;
        }
        List<String> out = new ArrayList<>();
        int next = 0;
        for (SolutionRegion region : regions) {
            out.addAll(lines.subList(next, region.begin() + 1)); // up to and with the BEGIN line
            out.add(stub(fileName, region));
            next = region.end(); // from the END line on
        }
        out.addAll(lines.subList(next, lines.size()));
        return String.join("\n", out);
    }

    /** The line that stands in for a region's reference code. */
    static String stub(String fileName, SolutionRegion region) {
        String says = "task " + region.number() + ": " + region.statement() + " (see " + region.tutorial() + ")";
        if (fileName.endsWith(".java")) {
            return region.indent() + "throw new UnsupportedOperationException(\"" + says.replace("\\", "\\\\").replace("\"", "\\\"") + "\");";
        }
        return region.indent() + "// " + says;
    }
}
