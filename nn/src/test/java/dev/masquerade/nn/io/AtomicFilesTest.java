package dev.masquerade.nn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aFolderInTheWayOrAPlaceThatTakesNoFilesIsNamedAsTheTargetNotItsTemporary() throws IOException {
        Path folderInTheWay = Files.createDirectories(folder.resolve("samples.png"));
        IOException inTheWay = assertThrows(IOException.class, () -> AtomicFiles.write(folderInTheWay, "png"));
        assertTrue(inTheWay.getMessage().endsWith("samples.png is a folder; name a file to write"), inTheWay.getMessage());
        Path readOnly = Path.of("/proc/samples.png"); // the kernel's folder: nobody, not even root, adds files there
        if (Files.isDirectory(readOnly.getParent())) {
            IOException noFiles = assertThrows(IOException.class, () -> AtomicFiles.write(readOnly, "png"));
            assertTrue(noFiles.getMessage().startsWith("cannot write /proc/samples.png: the folder /proc takes no new files"), noFiles.getMessage());
        }
    }
}
