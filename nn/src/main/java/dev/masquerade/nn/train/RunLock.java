package dev.masquerade.nn.train;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One run at a time in a run folder: a lock on the folder's {@code .lock} file that the
 * operating system holds for this process, so that a second run given the same folder stops
 * with one clear line instead of interleaving its log and checkpoints with the first. A killed
 * run's lock goes with its process (the file stays, the lock does not), so it never blocks a
 * later run.
 */
final class RunLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code folder}, or says which run holds it. */
    static RunLock acquire(Path folder) throws IOException {
        Path file = folder.resolve(".lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process
        }
        if (lock == null) {
            channel.close();
            throw new IOException("another run is training in " + folder + " (it holds " + file
                    + "); wait for it to finish, or give this run another --out");
        }
        return new RunLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
