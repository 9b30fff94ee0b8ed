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
public abstract class Chapter {
    private final int number;
    private final String title;
    private final String file;

    /**
     * @param number the chapter's number in the learning path (see tutorials/README.md)
     * @param file its Markdown file in the tutorials folder, e.g. "01-autograd.md"
     */
    protected Chapter(int number, String title, String file) {
        this.number = number;
        this.title = title;
        this.file = file;
    }

    /** The chapter's number in the learning path. */
    public final int number() {
        return number;
    }

    /** The chapter's title. */
    public final String title() {
        return title;
    }

    /** The chapter's Markdown file in the tutorials folder. */
    public final String file() {
        return file;
    }

    /** The numbers the text quotes, by the key the text marks them with, in the order the text uses them. */
    public abstract Map<String, Double> numbers();

    /** Draws the chapter's figures into a folder (tutorials/images for the committed ones); returns their files. */
    public List<Path> writeFigures(Path folder) throws IOException {
        return List.of();
    }
}
