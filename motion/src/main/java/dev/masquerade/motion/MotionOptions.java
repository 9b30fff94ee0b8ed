package dev.masquerade.motion;

/**
 * The settings of a motion training run.
 *
 * @param steps           training steps
 * @param batchSize       frame pairs per step
 * @param learningRate    Adam's learning rate (β₁ 0.5, β₂ 0.999, as the paper's)
 * @param clips           training clips, each of a new synthetic person
 * @param heldOutClips    clips of other people, for the figures
 * @param frames          frames per clip
 * @param seed            seed of the clips, the initialisation and the batches
 * @param previewEvery    steps between previews
 * @param checkpointEvery steps between checkpoints
 * @param progress        whether to draw a progress bar
 */
public record MotionOptions(long steps, int batchSize, double learningRate, int clips, int heldOutClips, int frames, long seed,
                            int previewEvery, int checkpointEvery, boolean progress) {
}
