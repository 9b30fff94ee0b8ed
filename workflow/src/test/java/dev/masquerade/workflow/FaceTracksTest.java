package dev.masquerade.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.faces.FaceAligner;
import dev.masquerade.faces.SimilarityTransform;
import dev.masquerade.workflow.Alignments.FaceEntry;
import dev.masquerade.workflow.Alignments.FrameFaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Faces followed across frames: linked by overlap and a steady descriptor; jitter measured on the aligned landmarks; smoothing lowers it. */
class FaceTracksTest {
    private static final FaceAligner ALIGNER = new FaceAligner(64, 0.75);

    @Tag("task-8.4")
    @Test
    void aFaceMovingSteadilyIsOneTrackWithoutJitter() {
        List<FrameFaces> frames = new ArrayList<>();
        for (int f = 0; f < 6; f++) {
            frames.add(frame(f, face(200, 2.0 * f, 0, 0, descriptor(0))));
        }
        FaceTracks tracks = new FaceTracks(frames, true);
        assertEquals(1, tracks.count());
        assertEquals(0, tracks.jitterPx(), 1e-9, "a face that only moves as a whole keeps its aligned landmarks where they are");
    }

    @Tag("task-8.4")
    @Test
    void jitterIsTheMeanMovementOfTheAlignedLandmarksAndSmoothingLowersIt() {
        Random random = new Random(7);
        List<FrameFaces> frames = new ArrayList<>();
        for (int f = 0; f < 40; f++) {
            frames.add(frame(f, face(200, 0, 0, 1.5, descriptor(0), random)));
        }
        FaceTracks tracks = new FaceTracks(frames, true);
        double raw = tracks.jitterPx();
        double smoothed = new FaceTracks(tracks.smoothed(5, ALIGNER), true).jitterPx();
        assertTrue(raw > 0.3, "noisy landmarks jitter, got " + raw);
        assertTrue(smoothed < raw / 2, "averaging 5 frames of independent noise at least halves the jitter: " + raw + " -> " + smoothed);
        assertEquals(raw, new FaceTracks(tracks.smoothed(1, ALIGNER), true).jitterPx(), 1e-9, "a window of 1 changes nothing");
    }

    @Test
    void aCutToAnotherFaceInTheSamePlaceEndsTheTrack() {
        List<FrameFaces> frames = List.of(frame(0, face(200, 0, 0, 0, descriptor(0))), frame(1, face(200, 0, 0, 0, descriptor(0))),
                frame(2, face(200, 0, 0, 0, descriptor(1))));
        assertEquals(2, new FaceTracks(frames, true).count(), "the descriptor jumped: another person");
    }

    @Tag("task-8.4")
    @Test
    void facesFarApartOrInPicturesAreNotLinked() {
        List<FrameFaces> apart = List.of(frame(0, face(200, 0, 0, 0, descriptor(0))), frame(1, face(200, 300, 0, 0, descriptor(0))));
        assertEquals(2, new FaceTracks(apart, true).count());
        List<FrameFaces> pictures = List.of(frame(0, face(200, 0, 0, 0, descriptor(0))), frame(1, face(200, 0, 0, 0, descriptor(0))));
        assertEquals(2, new FaceTracks(pictures, false).count(), "pictures of a folder follow no one");
        assertTrue(Double.isNaN(new FaceTracks(pictures, false).jitterPx()), "no track is two frames long");
    }

    @Test
    void anEvenWindowIsRefused() {
        FaceTracks tracks = new FaceTracks(List.of(frame(0, face(200, 0, 0, 0, descriptor(0)))), true);
        assertThrows(IllegalArgumentException.class, () -> tracks.smoothed(4, ALIGNER));
    }

    static FrameFaces frame(int index, FaceEntry... faces) {
        return new FrameFaces(index, Frames.videoFrameName(index), List.of(faces));
    }

    static FaceEntry face(double side, double dx, double dy, double noise, float[] descriptor) {
        return face(side, dx, dy, noise, descriptor, new Random(1));
    }

    /** A face of FaceLayout at {@code side} pixels, shifted, each landmark moved by Gaussian noise of {@code noise} pixels. */
    static FaceEntry face(double side, double dx, double dy, double noise, float[] descriptor, Random random) {
        double[][] landmarks = FaceLayout.landmarks(side);
        for (double[] p : landmarks) {
            p[0] += dx + noise * random.nextGaussian();
            p[1] += dy + noise * random.nextGaussian();
        }
        SimilarityTransform t = ALIGNER.toCrop(landmarks);
        return new FaceEntry("crop.png", new double[] {dx + 0.2 * side, dy + 0.3 * side, 0.6 * side, 0.6 * side}, 0.9, landmarks,
                new double[] {t.a(), t.b(), t.tx(), t.ty()}, descriptor);
    }

    /** A unit descriptor along axis {@code axis}: two different axes lie √2 apart, far beyond one person. */
    static float[] descriptor(int axis) {
        float[] d = new float[128];
        d[axis] = 1;
        return d;
    }
}
