package dev.masquerade.nn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path folder;

    @Test
    void aWrittenFileHasTheUsersUsualPermissionsNotOwnerOnly() throws IOException {
        Path plain = Files.createFile(folder.resolve("plain.txt"));
        Path written = folder.resolve("metrics.json");
        AtomicFiles.write(written, "{}");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written),
                "a run folder shared with a class stays as readable as any file the user makes");
    }

    @Test
    void aWriterThatFailsLeavesTheOldFileAndNoTemporary() throws IOException {
        Path target = folder.resolve("checkpoint.json");
        AtomicFiles.write(target, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write('n');
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(1, files.count());
        }
    }
}
