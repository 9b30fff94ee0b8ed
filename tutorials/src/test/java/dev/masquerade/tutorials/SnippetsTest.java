package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.coursework.ChapterSnippets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The code in the chapters is the compiled code: each block after a
 * {@code <!-- snippet: File.java#name -->} marker must equal the region between
 * {@code // snippet: name} and {@code // end snippet} in that file ({@link ChapterSnippets}, which
 * the coursework export also uses to show stubs in a student edition's chapters).
 * Run with {@code -Dsnippets.update=true} to rewrite the Markdown from the sources instead.
 */
class SnippetsTest {
    static final Path CHAPTERS = Path.of(".");
    private static final Path REPOSITORY = Path.of("..");

    static List<Path> chapters() throws IOException {
        try (Stream<Path> files = Files.list(CHAPTERS)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d\\d-.*\\.md")).sorted().toList();
        }
    }

    @Test
    void everyCodeBlockIsItsSourceRegion() throws IOException {
        boolean update = Boolean.getBoolean("snippets.update");
        List<String> drift = new ArrayList<>();
        List<Path> chapters = chapters();
        assertFalse(chapters.isEmpty(), "no chapters found in " + CHAPTERS.toAbsolutePath());
        for (Path chapter : chapters) {
            ChapterSnippets.Rewritten rewritten = ChapterSnippets.rewrite(Files.readString(chapter), REPOSITORY);
            rewritten.drifted().forEach(block -> drift.add(chapter.getFileName() + ": " + block));
            if (update) {
                Files.writeString(chapter, rewritten.text());
            }
        }
        if (!update) {
            assertTrue(drift.isEmpty(), "code blocks differ from their sources (run mvn test -pl tutorials -Dsnippets.update=true "
                    + "to rewrite them): " + drift);
        }
    }

    @Test
    void regionsAreFoundWithTheirIndentationRemoved() throws IOException {
        Path value = ChapterSnippets.source(REPOSITORY, "Value.java");
        String backward = ChapterSnippets.region("Value.java", Files.readAllLines(value), "backward");
        assertTrue(backward.startsWith("/** Fills grad()"), backward);
        assertEquals(-1, backward.indexOf("// end snippet"));
    }

    @Test
    void aSolutionRegionInsideASnippetShowsItsCodeWithoutTheMarkers() throws IOException {
        String file = "kernels/src/main/resources/dev/masquerade/kernels/matmul_tiled.cl";
        String loop = ChapterSnippets.region(file, Files.readAllLines(REPOSITORY.resolve(file)), "loop");
        assertTrue(loop.startsWith("for (int t = 0; t < K; t += TS) {"), loop);
        assertFalse(loop.contains("SOLUTION"), loop);
    }
}
