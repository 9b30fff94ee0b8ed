package dev.masquerade.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.faces.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Video in and out through ffmpeg: probing, reading every frame in order, writing at the source's rate; bad input in one line. */
class VideoTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void ffmpeg() {
        Videos.requireFfmpeg();
    }

    @Test
    void aWrittenVideoProbesAsWrittenAndReadsBackFrameByFrame() throws IOException {
        List<RgbImage> frames = Videos.frames(7, 64, 48);
        Path video = Videos.write(dir.resolve("clip.mp4"), frames);
        Ffmpeg.VideoInfo info = Ffmpeg.probe(video);
        assertEquals(new Ffmpeg.VideoInfo(64, 48, Videos.RATE, 7), info);
        assertEquals(29.97, info.fps(), 0.01);
        assertFalse(Files.exists(dir.resolve("clip.mp4.partial.mp4")), "the partial file is gone once the video is in place");
        try (Frames read = Frames.open(video)) {
            assertEquals(7, read.count());
            for (int f = 0; f < 7; f++) {
                Frames.Frame frame = read.next();
                assertEquals(f, frame.index());
                assertEquals(String.format("frame_%06d", f), frame.name());
                assertTrue(meanDifference(frames.get(f), frame.image()) < 3, "H.264 at crf 18 keeps frame " + f + " within a few levels");
            }
            assertNull(read.next(), "then the video ends");
        }
    }

    @Test
    void aFileFfmpegCannotReadIsOneLine() throws IOException {
        Path notVideo = Files.writeString(dir.resolve("notes.avi"), "not a video");
        IOException error = assertThrows(IOException.class, () -> Ffmpeg.probe(notVideo));
        assertTrue(error.getMessage().startsWith(notVideo + " is not a video ffmpeg can read"), error.getMessage());
        assertFalse(error.getMessage().contains("\n"));
        assertEquals(dir.resolve("gone.mp4") + ": no such video", assertThrows(IOException.class, () -> Ffmpeg.probe(dir.resolve("gone.mp4"))).getMessage());
    }

    @Test
    void aMissingProgramNamesTheInstall() {
        IOException error = assertThrows(IOException.class, () -> Ffmpeg.start(List.of("ffmpeg-that-is-not-there", "-version"), null));
        assertEquals("ffmpeg-that-is-not-there is not installed, and video needs it: " + Ffmpeg.INSTALL, error.getMessage());
    }

    @Test
    void aFrameOfAnotherSizeIsRefused() throws IOException {
        try (VideoWriter writer = new VideoWriter(dir.resolve("out.mp4"), new Ffmpeg.VideoInfo(32, 32, "25", 1))) {
            assertThrows(IllegalArgumentException.class, () -> writer.write(Videos.frames(1, 16, 16).get(0)));
            writer.write(Videos.frames(1, 32, 32).get(0));
        }
    }

    static double meanDifference(RgbImage a, RgbImage b) {
        double sum = 0;
        for (int i = 0; i < a.rgb().length; i++) {
            sum += Math.abs(a.rgb()[i] - b.rgb()[i]);
        }
        return sum / a.rgb().length;
    }
}
