package dev.masquerade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** Java's file errors that carry only a path get what went wrong with it; every other error keeps its own words. */
class ErrorLineTest {
    @Test
    void aBarePathGetsWhatWentWrong() {
        assertEquals("/runs/x/checkpoint.json: permission denied; check who owns it and its permissions, or choose another path",
                ErrorLine.of(new AccessDeniedException("/runs/x/checkpoint.json")));
        assertEquals("/data/faces: no such file or folder", ErrorLine.of(new UncheckedIOException(new NoSuchFileException("/data/faces"))));
    }

    @Test
    void anErrorThatSaysWhatIsWrongIsLeftAsItIs() {
        assertEquals("/runs/x: Read-only file system", ErrorLine.of(new FileSystemException("/runs/x", null, "Read-only file system")));
        assertEquals("--lr must be a number in (0, 1], got NaN", ErrorLine.of(new IllegalArgumentException("--lr must be a number in (0, 1], got NaN")));
    }
}
