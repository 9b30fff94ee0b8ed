package dev.masquerade.tutorials;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One tutorial chapter's computed side: the numbers its text quotes, computed by the engine
 * (or by the chapter's own small code), so that tests can hold the prose to them and
 * {@code masquerade tutorial N} can print them.
 */
public interface Chapter {
    /** The chapter's number in the learning path (see tutorials/README.md). */
    int number();

    /** The chapter's title. */
    String title();

    /** The chapter's Markdown file in the tutorials folder, e.g. "01-autograd.md". */
    String file();

    /** The numbers the text quotes, by the key the text marks them with, in the order the text uses them. */
    Map<String, Double> numbers();

    /** Draws the chapter's figures into a folder (tutorials/images for the committed ones); returns their files. */
    default List<Path> writeFigures(Path folder) throws IOException {
        return List.of();
    }
}
