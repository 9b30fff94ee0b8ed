/**
 * Animating a still face with another face's motion: the first-order motion model (Siarohin et
 * al., NeurIPS 2019). Self-supervised keypoints, each with a local affine transform (its
 * Jacobian), say how the driving frame moved relative to the source; a dense motion network
 * combines those local motions into one flow and an occlusion map; a generator warps the
 * source's features by the flow and paints what was hidden. Trained on synthetic talking-face
 * clips whose true landmarks judge the keypoints.
 */
package dev.masquerade.motion;
