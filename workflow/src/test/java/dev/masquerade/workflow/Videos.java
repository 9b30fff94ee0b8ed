package dev.masquerade.workflow;

import dev.masquerade.engine.testing.ExternalData;
import dev.masquerade.faces.RgbImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small test videos, written with ffmpeg; tests that need it skip without it, except in CI (which installs it). */
final class Videos {
    /** The frame rate of the test videos: NTSC's, a fraction, as real videos have. */
    static final String RATE = "30000/1001";

    private Videos() {
    }

    /** Skips (or in CI fails) a test on a machine without ffmpeg. */
    static void requireFfmpeg() {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            found |= Files.isExecutable(Path.of(dir, "ffmpeg")) && Files.isExecutable(Path.of(dir, "ffprobe"));
        }
        ExternalData.require(found, "ffmpeg and ffprobe are not installed; apt-get install ffmpeg");
    }

    /** {@code count} frames of width × height, each a gradient with a bright square that moves by frame. */
    static List<RgbImage> frames(int count, int width, int height) {
        List<RgbImage> frames = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            float[] rgb = new float[width * height * 3];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    boolean square = x >= 10 + 4 * f && x < 30 + 4 * f && y >= 10 && y < 30;
                    rgb[(y * width + x) * 3] = square ? 240 : 2 * x;
                    rgb[(y * width + x) * 3 + 1] = square ? 220 : 2 * y;
                    rgb[(y * width + x) * 3 + 2] = 90;
                }
            }
            frames.add(new RgbImage(width, height, rgb));
        }
        return frames;
    }

    /** Writes {@code frames} as an MP4 at {@link #RATE}. */
    static Path write(Path file, List<RgbImage> frames) throws IOException {
        try (VideoWriter writer = new VideoWriter(file, new Ffmpeg.VideoInfo(frames.get(0).width(), frames.get(0).height(), RATE, frames.size()))) {
            for (RgbImage frame : frames) {
                writer.write(frame);
            }
        }
        return file;
    }
}
