package dev.masquerade.motion.model;

import dev.masquerade.engine.Tensor;

/**
 * What the keypoint detector finds in a batch of frames: K points per frame, {@code value}
 * [N, K, 2] as (x, y) in [−1, 1], and for each the 2×2 {@code jacobian} [N, K, 2, 2] of the
 * frame's local motion there: how a small step away from the keypoint maps to a step in the
 * frame. The first-order model moves the pixels near a keypoint by that linear map, not by the
 * keypoint's shift alone.
 */
public record Keypoints(Tensor value, Tensor jacobian) {
    /** How many keypoints each frame has. */
    public int count() {
        return value.size(1);
    }
}
