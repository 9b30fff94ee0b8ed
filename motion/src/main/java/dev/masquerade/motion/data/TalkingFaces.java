package dev.masquerade.motion.data;

import dev.masquerade.autoencoder.faces.Attributes;
import dev.masquerade.autoencoder.faces.FaceLandmarks;
import dev.masquerade.autoencoder.faces.FaceRenderer;
import dev.masquerade.autoencoder.faces.Identity;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import java.util.ArrayList;
import java.util.List;

/**
 * Short clips of one synthetic person talking: expression and pose drift smoothly from frame to
 * frame (each a slow wave of its own; the head turns up to 20° and moves up to 15% of the
 * picture), the mouth opens and closes at the pace of speech, the
 * eyes blink now and then; identity and lighting stay. Like the face swap's synthetic faces,
 * the clips come with the truth: every frame's landmarks ({@link FaceLandmarks}), kept to judge
 * the motion model's keypoints and never shown to it in training.
 */
public final class TalkingFaces {
    private TalkingFaces() {
    }

    /**
     * A clip: frames [T, 3, size, size] in [0, 1], and each frame's landmarks [T, {@link FaceLandmarks#COUNT}, 2]
     * in picture coordinates (−1 to 1). A clip of real frames ({@link FaceFolders}) has neither
     * identity nor landmarks (null).
     */
    public record Clip(Identity identity, Tensor frames, Tensor landmarks) {
        /** How many frames the clip has. */
        public int length() {
            return frames.size(0);
        }
    }

    /** {@code count} clips of {@code frames} frames, each of a new random identity. */
    public static List<Clip> clips(int count, int frames, int size, Rng rng) {
        List<Clip> clips = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            clips.add(clip(Identity.random(rng), frames, size, rng));
        }
        return clips;
    }

    /** One clip of {@code identity}: {@code frames} frames at size×size. */
    public static Clip clip(Identity identity, int frames, int size, Rng rng) {
        Motion motion = new Motion(rng);
        int plane = 3 * size * size;
        double[] pictures = new double[frames * plane];
        double[] points = new double[frames * 2 * FaceLandmarks.COUNT];
        for (int t = 0; t < frames; t++) {
            Attributes at = motion.at(frames == 1 ? 0 : (double) t / (frames - 1));
            System.arraycopy(FaceRenderer.render(identity, at, size).rgb(), 0, pictures, t * plane, plane);
            System.arraycopy(FaceLandmarks.of(identity, at), 0, points, t * 2 * FaceLandmarks.COUNT, 2 * FaceLandmarks.COUNT);
        }
        return new Clip(identity, Tensor.of(pictures, DType.F32, Device.CPU, frames, 3, size, size),
                Tensor.of(points, DType.F32, Device.CPU, frames, FaceLandmarks.COUNT, 2));
    }

    /** One clip's motion: every attribute a function of the time s from 0 (first frame) to 1 (last). */
    private static final class Motion {
        private final Wave smile, gazeX, gazeY, rotation, scale, shiftX, shiftY, yaw;
        private final double speech, speechPhase, loudness, blinkAt, light, brightness;

        Motion(Rng rng) {
            smile = new Wave(rng, -1, 1);
            gazeX = new Wave(rng, -1, 1);
            gazeY = new Wave(rng, -1, 1);
            // the head moves more than in the face swap's pictures: motion is what this model is about
            rotation = new Wave(rng, Math.toRadians(-20), Math.toRadians(20));
            scale = new Wave(rng, 0.85, 1.15);
            shiftX = new Wave(rng, -0.15, 0.15);
            shiftY = new Wave(rng, -0.12, 0.12);
            yaw = new Wave(rng, -1, 1);
            speech = rng.uniform(2, 5); // syllables per clip
            speechPhase = rng.uniform(0, 2 * Math.PI);
            loudness = rng.uniform(0.3, 1);
            blinkAt = rng.uniform(-0.5, 1.5); // outside [0, 1]: no blink in this clip
            light = rng.uniform(-1, 1);
            brightness = rng.uniform(0.85, 1.1);
        }

        Attributes at(double s) {
            double mouthOpen = loudness * Math.max(0, Math.sin(2 * Math.PI * speech * s + speechPhase));
            double eyeOpen = Math.abs(s - blinkAt) < 0.06 ? 0.15 : 1;
            return new Attributes(smile.at(s), mouthOpen, eyeOpen, gazeX.at(s), gazeY.at(s), rotation.at(s), scale.at(s), shiftX.at(s),
                    shiftY.at(s), yaw.at(s), light, brightness);
        }
    }

    /**
     * A slow wave within [low, high]: a random centre, swing (up to half the range), pace (a
     * quarter to one and a half cycles a clip) and phase; clamped, so a wave near an end rests
     * there a while.
     */
    private record Wave(double low, double high, double centre, double swing, double cycles, double phase) {
        Wave(Rng rng, double low, double high) {
            this(low, high, rng.uniform(low, high), rng.uniform(0, 0.5) * (high - low), rng.uniform(0.25, 1.5), rng.uniform(0, 2 * Math.PI));
        }

        double at(double s) {
            return Math.min(high, Math.max(low, centre + swing * Math.sin(2 * Math.PI * cycles * s + phase)));
        }
    }
}
