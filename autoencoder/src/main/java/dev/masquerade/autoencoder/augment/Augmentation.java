package dev.masquerade.autoencoder.augment;

import dev.masquerade.autoencoder.FaceSet;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.data.Transforms;
import java.util.ArrayList;
import java.util.List;

/**
 * The original deepfake trainer's augmentation. A random flip, rotation, zoom and shift move
 * the face (the same for the picture and its masks); colour matching optionally moves its
 * colours towards the other person's; and a random warp distorts the <em>input</em> only.
 * The target stays unwarped, so the autoencoder must learn to draw a clean face from a
 * distorted one instead of copying pixels.
 *
 * @param warp        whether to warp the input
 * @param warpSigma   the warp's jitter, as a fraction of the image size
 * @param maxDegrees  the largest rotation either way
 * @param maxZoom     the largest zoom either way (0.05 = ±5%)
 * @param maxShift    the largest shift either way, as a fraction of the image size
 * @param flip        whether to mirror half of the faces
 * @param colourMatch how to match colours (applied where a reference is given)
 * @param warpToLandmarks whether the trainer warps inputs towards the other person's landmarks
 *                    ({@link LandmarkWarp}) instead of the random warp, where both sets' landmarks are known
 */
public record Augmentation(boolean warp, double warpSigma, double maxDegrees, double maxZoom, double maxShift, boolean flip,
                           ColourMatch.Method colourMatch, boolean warpToLandmarks) {

    /** The original's settings: warp, ±10°, ±5% zoom, ±5% shift, flips, no colour matching. */
    public static final Augmentation DEFAULT = new Augmentation(true, 0.02, 10, 0.05, 0.05, true, ColourMatch.Method.NONE, false);
    /** No augmentation at all: input and target are the picture itself. */
    public static final Augmentation NONE = new Augmentation(false, 0, 0, 0, 0, false, ColourMatch.Method.NONE, false);

    /** Settings without warp to landmarks. */
    public Augmentation(boolean warp, double warpSigma, double maxDegrees, double maxZoom, double maxShift, boolean flip,
                        ColourMatch.Method colourMatch) {
        this(warp, warpSigma, maxDegrees, maxZoom, maxShift, flip, colourMatch, false);
    }

    /** A training example: the (warped) input, the target, and the target's masks (null when unknown). */
    public record Example(Tensor input, Tensor target, Tensor faceMask, Tensor featureMask) {
    }

    /**
     * Augments a batch of faces. {@code colourReferences} (the other person's faces, one per
     * face, or null) is what colour matching matches to.
     */
    public Example apply(FaceSet faces, Tensor colourReferences, Rng rng) {
        return apply(faces, colourReferences, null, rng);
    }

    /**
     * As above, with {@code warpedInput} (or null): the faces already warped to other faces'
     * landmarks, the input in place of the random warp. It is flipped, turned and moved with
     * the faces, and colour matched like them.
     */
    public Example apply(FaceSet faces, Tensor colourReferences, Tensor warpedInput, Rng rng) {
        List<Tensor> parts = new ArrayList<>(List.of(faces.images()));
        if (faces.hasMasks()) {
            parts.add(faces.faceMasks());
            parts.add(faces.featureMasks());
        }
        if (warpedInput != null) {
            parts.add(warpedInput);
        }
        // picture and masks travel as one tensor, so that one random draw moves them together
        Tensor moved = Tensor.concat(parts, 1);
        if (flip) {
            moved = Transforms.randomHorizontalFlip(moved, 0.5, rng);
        }
        if (maxDegrees > 0 || maxZoom > 0 || maxShift > 0) {
            moved = Transforms.randomAffine(moved, maxDegrees, 1 - maxZoom, 1 + maxZoom, maxShift, rng);
        }
        Tensor target = moved.narrow(1, 0, 3);
        Tensor warped = warpedInput == null ? null : moved.narrow(1, moved.size(1) - 3, 3);
        if (colourReferences != null) {
            target = ColourMatch.match(target, colourReferences, colourMatch);
            warped = warped == null ? null : ColourMatch.match(warped, colourReferences, colourMatch);
        }
        Tensor input = warped != null ? warped : warp ? Transforms.randomWarp(target, 5, warpSigma, rng) : target;
        return faces.hasMasks() ? new Example(input, target, moved.narrow(1, 3, 1), moved.narrow(1, 4, 1))
                : new Example(input, target, null, null);
    }
}
