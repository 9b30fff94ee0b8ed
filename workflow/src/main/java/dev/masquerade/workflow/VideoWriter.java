package dev.masquerade.workflow;

import dev.masquerade.faces.RgbImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Frames out to an H.264 MP4 through ffmpeg, at the source's size and frame rate, with the
 * source's sound where it has some (AAC). The file is
 * written under a temporary name beside the target and moved into place by {@link #close()}, so
 * an interrupted run leaves no half-written video under the name asked for.
 */
public final class VideoWriter implements AutoCloseable {
    private final Path target;
    private final Path partial;
    private final Path errors;
    private final Process ffmpeg;
    private final OutputStream pixels;
    private final Ffmpeg.VideoInfo info;
    private final byte[] buffer;

    /** Starts ffmpeg writing {@code mp4} at {@code info}'s size and frame rate, without sound. */
    public VideoWriter(Path mp4, Ffmpeg.VideoInfo info) throws IOException {
        this(mp4, info, null);
    }

    /** As above, with the sound of {@code soundFrom} (a video; none where it has none, or where it is null). */
    public VideoWriter(Path mp4, Ffmpeg.VideoInfo info, Path soundFrom) throws IOException {
        this.target = mp4;
        this.info = info;
        this.partial = mp4.resolveSibling(mp4.getFileName() + ".partial.mp4");
        this.errors = Files.createTempFile("masquerade-ffmpeg", ".log");
        this.ffmpeg = Ffmpeg.start(Ffmpeg.encodeCommand(info, soundFrom, partial), errors);
        this.pixels = new BufferedOutputStream(ffmpeg.getOutputStream(), 1 << 20);
        this.buffer = new byte[info.width() * info.height() * 3];
    }

    /** Appends one frame, which must have the video's size. */
    public void write(RgbImage frame) throws IOException {
        if (frame.width() != info.width() || frame.height() != info.height()) {
            throw new IllegalArgumentException("a frame of " + frame.width() + "x" + frame.height() + " does not fit a video of "
                    + info.width() + "x" + info.height());
        }
        float[] rgb = frame.rgb();
        for (int i = 0; i < rgb.length; i++) {
            buffer[i] = (byte) Math.round(Math.max(0, Math.min(255, rgb[i])));
        }
        try {
            pixels.write(buffer);
        } catch (IOException e) {
            throw new IOException("ffmpeg stopped taking frames for " + target + Ffmpeg.lastLine(Files.readString(errors)), e);
        }
    }

    /** Ends the video and moves it into place. */
    @Override
    public void close() throws IOException {
        try {
            pixels.close();
            int exit = ffmpeg.waitFor();
            if (exit != 0) {
                throw new IOException("ffmpeg could not write " + target + Ffmpeg.lastLine(Files.readString(errors)));
            }
            Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while ffmpeg wrote " + target, e);
        } finally {
            Files.deleteIfExists(partial);
            Files.deleteIfExists(errors);
        }
    }
}
