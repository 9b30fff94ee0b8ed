package dev.masquerade.workflow;

import dev.masquerade.faces.RgbImage;
import dev.masquerade.nn.data.ImageFolder;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The frames of what {@code extract} and {@code convert} take in: a video (through ffmpeg), one
 * picture, or a folder of pictures (in name order). Read them in order with {@link #next()};
 * every frame has its index and a name that crops and alignments refer to.
 */
public abstract class Frames implements AutoCloseable {

    /** One frame: its position in the input, its name ({@code frame_000042}, or the picture's file name) and its pixels. */
    public record Frame(int index, String name, RgbImage image) {
    }

    /** The frames of {@code input}: a video where its extension says so, otherwise a picture or a folder of pictures. */
    public static Frames open(Path input) throws IOException {
        if (Files.isDirectory(input)) {
            return new Pictures(ImageFolder.files(input));
        }
        if (!Files.isRegularFile(input)) {
            throw new IOException(input + ": no such video, picture or folder");
        }
        return Ffmpeg.looksLikeVideo(input) ? new Video(input) : new Pictures(List.of(input));
    }

    /** How many frames there are. */
    public abstract int count();

    /** The video's size and rate, or null for pictures. */
    public abstract Ffmpeg.VideoInfo video();

    /** The next frame, or null after the last. */
    public abstract Frame next() throws IOException;

    @Override
    public abstract void close() throws IOException;

    /** The name of frame {@code index} of a video. */
    static String videoFrameName(int index) {
        return String.format("frame_%06d", index);
    }

    private static final class Pictures extends Frames {
        private final List<Path> files;
        private int next;

        Pictures(List<Path> files) {
            this.files = files;
        }

        @Override
        public int count() {
            return files.size();
        }

        @Override
        public Ffmpeg.VideoInfo video() {
            return null;
        }

        @Override
        public Frame next() throws IOException {
            if (next == files.size()) {
                return null;
            }
            Path file = files.get(next);
            return new Frame(next++, file.getFileName().toString(), RgbImage.read(file));
        }

        @Override
        public void close() {
        }
    }

    private static final class Video extends Frames {
        private final Path file;
        private final Ffmpeg.VideoInfo info;
        private final Process ffmpeg;
        private final Path errors;
        private final DataInputStream pixels;
        private final byte[] buffer;
        private int next;

        Video(Path file) throws IOException {
            this.file = file;
            this.info = Ffmpeg.probe(file);
            this.errors = Files.createTempFile("masquerade-ffmpeg", ".log");
            this.ffmpeg = Ffmpeg.start(Ffmpeg.decodeCommand(file), errors);
            InputStream out = ffmpeg.getInputStream();
            this.pixels = new DataInputStream(new java.io.BufferedInputStream(out, 1 << 20));
            this.buffer = new byte[info.width() * info.height() * 3];
        }

        @Override
        public int count() {
            return info.frames();
        }

        @Override
        public Ffmpeg.VideoInfo video() {
            return info;
        }

        @Override
        public Frame next() throws IOException {
            if (next == info.frames()) {
                return null;
            }
            try {
                pixels.readFully(buffer);
            } catch (EOFException e) {
                throw new IOException(file + " ended after " + next + " of its " + info.frames() + " frames"
                        + Ffmpeg.lastLine(Files.readString(errors)), e);
            }
            float[] rgb = new float[buffer.length];
            for (int i = 0; i < buffer.length; i++) {
                rgb[i] = buffer[i] & 0xFF;
            }
            int index = next++;
            return new Frame(index, videoFrameName(index), new RgbImage(info.width(), info.height(), rgb));
        }

        @Override
        public void close() throws IOException {
            ffmpeg.destroy();
            pixels.close();
            Files.deleteIfExists(errors);
        }
    }
}
