package dev.masquerade.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The one line a failed command prints. Most errors already say what is wrong and how to fix it;
 * Java's file-system errors often carry only a path ("/runs/x"), so for those the line adds what
 * went wrong with that path.
 */
final class ErrorLine {
    private ErrorLine() {
    }

    static String of(Throwable error) {
        Throwable cause = error instanceof UncheckedIOException unchecked && unchecked.getCause() != null ? unchecked.getCause() : error;
        if (!(cause instanceof FileSystemException problem) || problem.getReason() != null) {
            return error.getMessage();
        }
        String file = problem.getFile();
        if (problem instanceof AccessDeniedException) {
            return file + ": permission denied; check who owns it and its permissions, or choose another path";
        } else if (problem instanceof NoSuchFileException) {
            return file + ": no such file or folder";
        } else if (problem instanceof FileAlreadyExistsException) {
            return file + ": already exists, where a new file or a folder was needed (is a file in the way of a folder?)";
        } else if (problem instanceof NotDirectoryException) {
            return file + ": is not a folder";
        } else if (problem instanceof DirectoryNotEmptyException) {
            return file + ": is a folder that is not empty";
        }
        return file + ": " + problem.getClass().getSimpleName();
    }
}
