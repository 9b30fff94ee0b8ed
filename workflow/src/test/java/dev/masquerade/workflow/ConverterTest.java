package dev.masquerade.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.autoencoder.FaceSwapConfig;
import dev.masquerade.autoencoder.FaceSwapModel;
import dev.masquerade.autoencoder.augment.ColourMatch;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.array.Device;
import dev.masquerade.faces.FaceAligner;
import dev.masquerade.faces.RgbImage;
import dev.masquerade.workflow.Alignments.FaceEntry;
import dev.masquerade.workflow.Alignments.FrameFaces;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Convert on a small video whose alignments name one face in frames 1 to 3: those frames change
 * under the face and nowhere else, the others pass through; an MP4 comes out at the source's
 * size, length and rate; nothing is overwritten, and another video's alignments are refused.
 */
class ConverterTest {
    private static final int FRAMES = 5;
    private static final FaceAligner ALIGNER = new FaceAligner(64, 0.75);

    @TempDir
    Path dir;

    private Path video;
    private Alignments alignments;
    private final Converter converter = new Converter(new FaceSwapModel(new FaceSwapConfig(64, 4, 8, false), new Rng(3)),
            new Converter.Options(FaceSwapModel.Side.B, Converter.Blend.FEATHER, 2, 4, ColourMatch.Method.MEAN, LandmarkMask.Kind.EXTENDED, 1, 0.1),
            Device.CPU);

    @BeforeAll
    static void ffmpeg() {
        Videos.requireFfmpeg();
    }

    @BeforeEach
    void clip() throws IOException {
        video = Videos.write(dir.resolve("clip.mp4"), Videos.frames(FRAMES, 96, 80));
        List<FrameFaces> frames = new ArrayList<>();
        for (int f = 0; f < FRAMES; f++) {
            frames.add(new FrameFaces(f, Frames.videoFrameName(f), f >= 1 && f <= 3 ? List.of(face(f)) : List.of()));
        }
        alignments = new Alignments(new Alignments.Source("clip.mp4", true, 96, 80, Videos.RATE, FRAMES), new Alignments.Crop(64, 0.75), frames);
    }

    @Test
    void framesWithAFaceChangeUnderItOnlyAndTheOthersPassThrough() throws IOException {
        Map<String, Object> summary = converter.convert(video, alignments, dir.resolve("frames"), quiet());
        assertEquals(FRAMES, summary.get("frames"));
        assertEquals(3, summary.get("faces_swapped"));
        assertTrue(Files.exists(dir.resolve("frames/convert.json")));
        try (Frames input = Frames.open(video)) {
            for (int f = 0; f < FRAMES; f++) {
                RgbImage before = input.next().image(), after = RgbImage.read(dir.resolve("frames").resolve(Frames.videoFrameName(f) + ".png"));
                if (f == 0 || f == 4) {
                    assertArrayEquals(before.rgb(), after.rgb(), "frame " + f + " has no face and is written as read");
                    continue;
                }
                assertTrue(VideoTest.meanDifference(before, after) > 0, "frame " + f + "'s face was swapped");
                double[] box = face(f).box();
                for (int y = 0; y < 80; y++) {
                    for (int x = 0; x < 96; x++) {
                        boolean farFromFace = x < box[0] - 8 || y < box[1] - 30 || x > box[0] + box[2] + 8 || y > box[1] + box[3] + 8;
                        if (farFromFace) {
                            assertEquals(before.at(x, y, 0), after.at(x, y, 0), "frame " + f + " changed at (" + x + ", " + y + "), far from the face");
                        }
                    }
                }
            }
        }
    }

    @Test
    void anMp4ComesOutAtTheSourcesSizeLengthAndRate() throws IOException {
        Path out = dir.resolve("swapped.mp4");
        converter.convert(video, alignments, out, quiet());
        assertEquals(new Ffmpeg.VideoInfo(96, 80, Videos.RATE, FRAMES), Ffmpeg.probe(out));
        assertTrue(Files.exists(dir.resolve("swapped.convert.json")));
    }

    @Test
    void nothingIsOverwritten() throws IOException {
        IOException taken = assertThrows(IOException.class, () -> converter.convert(video, alignments, video, quiet()));
        assertEquals(video + " exists; give --out a new file name (nothing is overwritten)", taken.getMessage());
        Files.createDirectories(dir.resolve("full"));
        Files.writeString(dir.resolve("full/keep.txt"), "mine");
        assertThrows(IOException.class, () -> converter.convert(video, alignments, dir.resolve("full"), quiet()));
        assertEquals("mine", Files.readString(dir.resolve("full/keep.txt")));
    }

    @Test
    void aVideoOfAnotherKindOrAnExistingSummaryIsRefused() throws IOException {
        IOException avi = assertThrows(IOException.class, () -> converter.convert(video, alignments, dir.resolve("out.avi"), quiet()));
        assertEquals("convert writes MP4 videos (or folders of PNG frames); name --out out.mp4, or a folder", avi.getMessage());
        Files.writeString(dir.resolve("taken.convert.json"), "mine");
        assertThrows(IOException.class, () -> converter.convert(video, alignments, dir.resolve("taken.mp4"), quiet()));
        assertEquals("mine", Files.readString(dir.resolve("taken.convert.json")));
    }

    @Test
    void alignmentsOfEveryOtherFrameAreWarnedOf() throws IOException {
        Alignments everyOther = new Alignments(alignments.source(), alignments.crop(),
                List.of(alignments.frames().get(0), alignments.frames().get(2), alignments.frames().get(4)));
        StringWriter log = new StringWriter();
        converter.convert(video, everyOther, dir.resolve("frames"), new PrintWriter(log));
        assertTrue(log.toString().contains("the alignments cover 3 of the 5 frames"), log.toString());
    }

    @Test
    void theSourcesSoundGoesIntoTheMp4() throws IOException, InterruptedException {
        Path withSound = dir.resolve("sound.mp4");
        Process mux = new ProcessBuilder("ffmpeg", "-v", "error", "-i", video.toString(), "-f", "lavfi", "-i", "sine=frequency=440:duration=1",
                "-map", "0:v", "-map", "1:a", "-c:v", "copy", "-c:a", "aac", "-shortest", withSound.toString()).redirectErrorStream(true).start();
        mux.getInputStream().readAllBytes();
        assertEquals(0, mux.waitFor());
        Alignments ofSound = new Alignments(new Alignments.Source("sound.mp4", true, 96, 80, Videos.RATE, FRAMES), alignments.crop(), alignments.frames());
        converter.convert(withSound, ofSound, dir.resolve("out.mp4"), quiet());
        Process probe = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "a", "-show_entries", "stream=codec_name", "-of", "csv=p=0",
                dir.resolve("out.mp4").toString()).start();
        assertEquals("aac", new String(probe.getInputStream().readAllBytes()).strip(), "the sound track came along");
    }

    @Test
    void anotherVideosAlignmentsAreRefusedBeforeAnythingIsWritten() throws IOException {
        Path longer = Videos.write(dir.resolve("longer.mp4"), Videos.frames(FRAMES + 2, 96, 80));
        IOException error = assertThrows(IOException.class, () -> converter.convert(longer, alignments, dir.resolve("out.mp4"), quiet()));
        assertEquals("these alignments belong to clip.mp4 (a 96x80 video of 5 frames), not to longer.mp4 (a 96x80 video of 7 frames);"
                + " give the --alignments that extract wrote for longer.mp4", error.getMessage());
        assertFalse(Files.exists(dir.resolve("out.mp4")));
    }

    /** The test face in frame f: FaceLayout at 40 pixels, moving right with the frame's square. */
    private static FaceEntry face(int f) {
        double[][] landmarks = FaceLayout.landmarks(40);
        for (double[] p : landmarks) {
            p[0] += 20 + 4 * f;
            p[1] += 20;
        }
        var t = ALIGNER.toCrop(landmarks);
        return new FaceEntry("frame_" + f + "_0.png", new double[] {28 + 4 * f, 32, 24, 24}, 0.9, landmarks,
                new double[] {t.a(), t.b(), t.tx(), t.ty()}, new float[128]);
    }

    private static PrintWriter quiet() {
        return new PrintWriter(new StringWriter());
    }
}
