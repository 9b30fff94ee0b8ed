package dev.masquerade.translation.tasks;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A translation task: two kinds of picture, A (the input) and B (the output), training batches
 * of both, held-out pictures to preview and to measure on, and the figures that say how well a
 * translator does. Pictures are [N, C, H, W] tensors in [−1, 1], the generators' tanh range.
 */
public interface TranslationTask {

    /** A batch of A pictures and one of B pictures: aligned pairs, or two independent draws. */
    record Batch(Tensor a, Tensor b) {
    }

    /**
     * The network sizes that suit the task's pictures, the batch size to train them with, and
     * whether the U-Net predicts a correction added to its input ({@code residual}) rather than
     * the whole picture.
     */
    record Architecture(int unetDepth, int discriminatorLayers, int width, int resnetBlocks, int batchSize, boolean residual) {
    }

    /** The name on the command line: day2night, edges2fashion, superres, sneakers2sandals. */
    String cliName();

    /** Channels of A and of B pictures (1 grey, 3 colour). */
    int channels();

    /** The side of the square training pictures. */
    int size();

    /** Whether each A has its B: pix2pix's aligned pairs. Without them only CycleGAN can learn the task. */
    boolean hasPairs();

    /** The networks for this task's picture size. */
    Architecture architecture();

    /**
     * Training batches without end: when {@code paired}, b[i] is a[i]'s truth; otherwise a and b
     * are drawn independently (a task with pairs can be learned as if it had none).
     */
    Supplier<Batch> batches(int batchSize, boolean paired, Rng rng);

    /** A few fixed held-out pictures for the previews: inputs, and their truths (or held-out B pictures where there are no pairs). */
    Batch previews();

    /**
     * Every held-out picture the task has: inputs, and their truths (or held-out B pictures where
     * there are no pairs); a detector is judged on these. By default the previews; the photo
     * tasks, which hold out a few photos, cut them into training-sized tiles.
     */
    default Batch heldOut() {
        return previews();
    }

    /**
     * The task's figures (names as metrics.json gives them) for a translator A → B and, for
     * CycleGAN, its way back B → A (null otherwise). Translators take and give pictures in [−1, 1].
     */
    Map<String, Object> evaluate(UnaryOperator<Tensor> forward, UnaryOperator<Tensor> backward) throws IOException;
}
