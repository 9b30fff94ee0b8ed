package dev.masquerade.coursework;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A task's reference solution, marked in a real source file (Java or an OpenCL kernel):
 *
 * <pre>
 *     // BEGIN SOLUTION task-1.2: the backward of exp: dx = dy * exp(x) (see tutorials/01-autograd.md)
 *     return grad.mul(out);
 *     // END SOLUTION
 * </pre>
 *
 * The student edition keeps both marker lines and replaces what lies between them by a stub, so
 * a region must be the last statements of its block: the next line that is not blank closes the
 * block ({@code }}). Then the stub, a {@code throw}, leaves every method compiling.
 *
 * @param task      the task's id, {@code task-A.N}: assignment A, task N of it
 * @param statement what the student is to write, in one line
 * @param tutorial  the chapter that derives it, a path from the repository's root
 * @param begin     the BEGIN line's index (0-based)
 * @param end       the END line's index
 * @param indent    the BEGIN line's indentation, which the stub takes
 */
public record SolutionRegion(String task, String statement, String tutorial, int begin, int end, String indent) {
    private static final Pattern BEGIN = Pattern.compile(
            "^(\\s*)// BEGIN SOLUTION (task-\\d+\\.\\d+): (.+) \\(see (tutorials/[\\w.-]+\\.md)\\)\\s*$");
    /** Task ids in the order of their numbers: task-0.9 before task-0.10, task-1.1 after both. */
    public static final Comparator<String> BY_NUMBER = Comparator.comparingInt((String task) -> part(task, 0)).thenComparingInt(task -> part(task, 1));

    private static final String BEGIN_MARK = "// BEGIN SOLUTION";
    private static final String END_MARK = "// END SOLUTION";

    /**
     * The regions of a file's lines, checked: each BEGIN well-formed and closed by an END before
     * the next BEGIN, and in Java each followed by the end of its block (an OpenCL stub is a
     * comment, which compiles anywhere).
     *
     * @throws IllegalArgumentException naming the file and line of the first malformed region
     */
    public static List<SolutionRegion> find(String fileName, List<String> lines) {
        List<SolutionRegion> regions = new ArrayList<>();
        Matcher open = null;
        int openedAt = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith(BEGIN_MARK)) {
                if (open != null) {
                    throw malformed(fileName, i, "a BEGIN SOLUTION inside the region opened at line " + (openedAt + 1));
                }
                open = BEGIN.matcher(line);
                if (!open.matches()) {
                    throw malformed(fileName, i, "write it as '// BEGIN SOLUTION task-A.N: what to write (see tutorials/NN-name.md)'");
                }
                openedAt = i;
            } else if (line.strip().startsWith(END_MARK)) {
                if (open == null) {
                    throw malformed(fileName, i, "an END SOLUTION without its BEGIN");
                }
                if (fileName.endsWith(".java")) { // a Java stub throws, and code after a throw does not compile
                    requireEndOfBlock(fileName, lines, i);
                }
                regions.add(new SolutionRegion(open.group(2), open.group(3), open.group(4), openedAt, i, open.group(1)));
                open = null;
            }
        }
        if (open != null) {
            throw malformed(fileName, openedAt, "the region is never closed by '// END SOLUTION'");
        }
        return regions;
    }

    /** Every region in the main sources (Java and OpenCL) of a repository's modules, by file (relative to the root). */
    public static Map<String, List<SolutionRegion>> inRepository(Path root) throws IOException {
        Map<String, List<SolutionRegion>> regions = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path source : paths.filter(Files::isRegularFile).filter(p -> p.toString().contains("/src/main/"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".cl")).toList()) {
                String name = root.relativize(source).toString();
                List<SolutionRegion> found = find(name, Files.readAllLines(source));
                if (!found.isEmpty()) {
                    regions.put(name, found);
                }
            }
        }
        return regions;
    }

    private static void requireEndOfBlock(String fileName, List<String> lines, int end) {
        for (int i = end + 1; i < lines.size(); i++) {
            String next = lines.get(i).strip();
            if (!next.isEmpty()) {
                if (!next.startsWith("}")) {
                    throw malformed(fileName, i, "code follows a solution region; a region must end its block, so that its stub compiles");
                }
                return;
            }
        }
    }

    private static IllegalArgumentException malformed(String fileName, int line, String problem) {
        return new IllegalArgumentException(fileName + ":" + (line + 1) + ": " + problem);
    }

    private static int part(String task, int index) {
        return Integer.parseInt(task.substring("task-".length()).split("\\.")[index]);
    }

    /** The assignment the task belongs to: 1 for task-1.2. */
    public int assignment() {
        return part(task, 0);
    }

    /** The task's number without its prefix: "1.2" for task-1.2. */
    public String number() {
        return task.substring("task-".length());
    }
}
