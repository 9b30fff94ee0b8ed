package dev.masquerade.motion.data;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import java.util.ArrayList;
import java.util.List;

/**
 * Training batches of the motion model: each a source and a driving frame of one clip, drawn
 * at random, on the default device. Both show the same person, so the driving frame is the right answer for the
 * source redrawn with the driving frame's motion: the self-supervision that needs no labels.
 */
public final class FramePairs {
    private final List<TalkingFaces.Clip> clips;
    private final Rng rng;

    /** A batch: sources [B, 3, S, S] and the driving frames they must become. */
    public record Batch(Tensor source, Tensor driving) {
    }

    public FramePairs(List<TalkingFaces.Clip> clips, Rng rng) {
        if (clips.isEmpty() || clips.get(0).length() < 2) {
            throw new IllegalArgumentException("FramePairs: needs clips of at least 2 frames");
        }
        this.clips = clips;
        this.rng = rng;
    }

    /** {@code size} pairs, each from a clip drawn at random. */
    public Batch next(int size) {
        List<Tensor> sources = new ArrayList<>(size), driving = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            TalkingFaces.Clip clip = clips.get(rng.nextInt(clips.size()));
            sources.add(clip.frames().narrow(0, rng.nextInt(clip.length()), 1));
            driving.add(clip.frames().narrow(0, rng.nextInt(clip.length()), 1));
        }
        return new Batch(Tensor.concat(sources, 0).to(Device.defaultDevice()), Tensor.concat(driving, 0).to(Device.defaultDevice()));
    }
}
