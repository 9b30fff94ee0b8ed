package dev.masquerade.coursework;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code blocks of the tutorial chapters are copies of marked regions of the sources: a block
 * after {@code <!-- snippet: File.java#name -->} holds the lines between {@code // snippet: name}
 * and {@code // end snippet} in that file, with their common indentation removed. A bare file
 * name is a tutorial source (under {@value #TUTORIAL_SOURCES}); a path is relative to the
 * repository (an OpenCL kernel, say).
 *
 * <p>A snippet may hold a solution region. Its {@code BEGIN/END SOLUTION} lines are left out of
 * the block, so a chapter shows the reference code in the reference repository and the stub in
 * a student edition, where the export rewrites every block from the stubbed sources.
 */
public final class ChapterSnippets {
    /** Where a snippet named by a bare file name lives, from the repository's root. */
    public static final String TUTORIAL_SOURCES = "tutorials/src/main/java/dev/masquerade/tutorials";
    private static final Pattern BLOCK = Pattern.compile("<!-- snippet: (\\S+?)#(\\S+?) -->\\n```(java|c)\\n(.*?)```", Pattern.DOTALL);
    private static final String MARKER = "<!-- snippet:";

    private ChapterSnippets() {
    }

    /** A chapter rewritten from the sources, and the blocks that differed from them ("File.java#name"). */
    public record Rewritten(String text, List<String> drifted) {
    }

    /** Whether a Markdown text has snippet blocks at all. */
    public static boolean hasSnippets(String markdown) {
        return markdown.contains(MARKER);
    }

    /** The file a snippet marker names, under the repository's root. */
    public static Path source(Path repository, String file) {
        return file.contains("/") ? repository.resolve(file) : repository.resolve(TUTORIAL_SOURCES).resolve(file);
    }

    /**
     * The chapter with every snippet block replaced by its region of the sources under {@code repository}.
     *
     * @throws IllegalArgumentException when a marker names a region that does not exist
     */
    public static Rewritten rewrite(String chapter, Path repository) throws IOException {
        Matcher m = BLOCK.matcher(chapter);
        StringBuilder text = new StringBuilder();
        List<String> drifted = new ArrayList<>();
        while (m.find()) {
            String file = m.group(1), name = m.group(2);
            String code = region(file, Files.readAllLines(source(repository, file)), name);
            if (!code.equals(m.group(4))) {
                drifted.add(file + "#" + name);
            }
            m.appendReplacement(text, Matcher.quoteReplacement(MARKER + " " + file + "#" + name + " -->\n```" + m.group(3) + "\n" + code + "```"));
        }
        m.appendTail(text);
        return new Rewritten(text.toString(), List.copyOf(drifted));
    }

    /**
     * The lines between {@code // snippet: name} and {@code // end snippet}, without solution
     * markers, with their common indentation removed.
     */
    public static String region(String file, List<String> lines, String name) {
        int start = -1;
        for (int i = 0; i < lines.size() && start < 0; i++) {
            start = lines.get(i).strip().equals("// snippet: " + name) ? i : -1;
        }
        if (start < 0) {
            throw new IllegalArgumentException(file + " has no region '// snippet: " + name + "'");
        }
        List<String> region = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            String stripped = line.strip();
            if (stripped.equals("// end snippet")) {
                int indent = region.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
                StringBuilder text = new StringBuilder();
                region.forEach(l -> text.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
                return text.toString();
            }
            if (!stripped.startsWith("// BEGIN SOLUTION") && !stripped.startsWith("// END SOLUTION")) {
                region.add(line);
            }
        }
        throw new IllegalArgumentException(file + "'s region " + name + " has no '// end snippet'");
    }
}
