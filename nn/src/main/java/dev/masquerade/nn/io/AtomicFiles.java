package dev.masquerade.nn.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writing a file so that it is either the old one or the whole new one, never half: the bytes
 * go to a temporary file beside it ({@code .NAME.<random>.tmp}), which is then renamed over it
 * in one step. A kill mid-write leaves the old file and a temporary that
 * {@link Checkpoint#removeLeftovers} clears. The temporary is created like any other file, so
 * the result gets the user's usual permissions (a run folder shared with a class stays
 * readable), not the owner-only ones of {@link Files#createTempFile}.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** What writes the new contents into the temporary file it is given. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Replaces {@code target} by what {@code writer} writes, atomically. */
    public static void write(Path target, Writer writer) throws IOException {
        if (Files.isDirectory(target)) {
            throw new IOException(target + " is a folder; name a file to write");
        }
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            OutputStream out;
            try {
                out = Files.newOutputStream(temporary);
            } catch (FileSystemException e) { // its message would name the temporary, a file the user never asked for
                throw new IOException("cannot write " + target + ": the folder " + folder + " takes no new files ("
                        + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()) + "); choose another place", e);
            }
            try (out) {
                writer.write(out);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Replaces {@code target} by {@code bytes}, atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Replaces {@code target} by {@code text} in UTF-8, atomically. */
    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }
}
