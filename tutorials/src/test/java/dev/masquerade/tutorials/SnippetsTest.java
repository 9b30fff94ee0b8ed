package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The code in the chapters is the compiled code: each block after a
 * {@code <!-- snippet: File.java#name -->} marker must equal the region between
 * {@code // snippet: name} and {@code // end snippet} in that file under src/main/java (or,
 * for a path such as {@code kernels/src/main/resources/.../matmul_tiled.cl}, in that file
 * of the repository).
 * Run with {@code -Dsnippets.update=true} to rewrite the Markdown from the sources instead.
 */
class SnippetsTest {
    static final Path CHAPTERS = Path.of(".");
    private static final Path SOURCES = Path.of("src/main/java/dev/masquerade/tutorials");
    private static final Path REPOSITORY = Path.of("..");
    private static final Pattern BLOCK = Pattern.compile("<!-- snippet: (\\S+?)#(\\S+?) -->\\n```(java|c)\\n(.*?)```", Pattern.DOTALL);

    static List<Path> chapters() throws IOException {
        try (Stream<Path> files = Files.list(CHAPTERS)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d\\d-.*\\.md")).sorted().toList();
        }
    }

    /** The lines between the markers, with their common indentation removed. */
    static String region(String file, String name) throws IOException {
        // a bare file name is a tutorial source; a path is relative to the repository (an OpenCL kernel, say)
        List<String> lines = Files.readAllLines(file.contains("/") ? REPOSITORY.resolve(file) : SOURCES.resolve(file));
        int start = lines.indexOf(lines.stream().filter(l -> l.trim().equals("// snippet: " + name)).findFirst()
                .orElseThrow(() -> new AssertionError(file + " has no region '// snippet: " + name + "'")));
        List<String> region = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.trim().equals("// end snippet")) {
                int indent = region.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
                StringBuilder text = new StringBuilder();
                region.forEach(l -> text.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
                return text.toString();
            }
            region.add(line);
        }
        throw new AssertionError(file + "'s region " + name + " has no '// end snippet'");
    }

    @Test
    void everyCodeBlockIsItsSourceRegion() throws IOException {
        boolean update = Boolean.getBoolean("snippets.update");
        List<String> drift = new ArrayList<>();
        List<Path> chapters = chapters();
        assertFalse(chapters.isEmpty(), "no chapters found in " + CHAPTERS.toAbsolutePath());
        for (Path chapter : chapters) {
            String text = Files.readString(chapter);
            Matcher m = BLOCK.matcher(text);
            StringBuilder rewritten = new StringBuilder();
            while (m.find()) {
                String source = region(m.group(1), m.group(2));
                if (!source.equals(m.group(4))) {
                    drift.add(chapter.getFileName() + ": " + m.group(1) + "#" + m.group(2));
                }
                m.appendReplacement(rewritten, Matcher.quoteReplacement("<!-- snippet: " + m.group(1) + "#" + m.group(2) + " -->\n```"
                        + m.group(3) + "\n" + source + "```"));
            }
            m.appendTail(rewritten);
            if (update) {
                Files.writeString(chapter, rewritten.toString());
            }
        }
        if (!update) {
            assertTrue(drift.isEmpty(), "code blocks differ from their sources (run mvn test -pl tutorials -Dsnippets.update=true "
                    + "to rewrite them): " + drift);
        }
    }

    @Test
    void regionsAreFoundWithTheirIndentationRemoved() throws IOException {
        String backward = region("Value.java", "backward");
        assertTrue(backward.startsWith("/** Fills grad()"), backward);
        assertEquals(-1, backward.indexOf("// end snippet"));
    }
}
