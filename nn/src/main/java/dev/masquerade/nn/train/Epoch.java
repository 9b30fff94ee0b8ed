package dev.masquerade.nn.train;

import dev.masquerade.engine.Memory;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.data.ArrayDataset;
import dev.masquerade.nn.data.DataLoader;
import dev.masquerade.nn.optim.Optimizer;
import java.util.function.Function;

/** One pass over the training data, the loop at the heart of every supervised training run. */
public final class Epoch {
    private Epoch() {
    }

    /**
     * For each batch: forget the old gradients, compute the loss, back-propagate it, let the
     * optimizer update the parameters; log every step's loss and show a progress bar.
     * Returns the number of steps done so far, counting from {@code stepsBefore}.
     */
    public static long run(DataLoader loader, Optimizer optimizer, Function<ArrayDataset.Batch, Tensor> loss, int epoch, int epochs,
                           long stepsBefore, TrainingLog log, boolean showProgress) {
        long step = stepsBefore;
        try (Progress progress = new Progress("epoch " + epoch + "/" + epochs, loader.batchesPerEpoch(), showProgress)) {
            for (ArrayDataset.Batch batch : loader.epoch()) {
                double number;
                try (Memory.Scope scope = Memory.scope()) { // the step's tensors go back to the device here
                    optimizer.zeroGrad();
                    Tensor value = loss.apply(batch);
                    value.backward();
                    optimizer.step();
                    number = value.item();
                }
                log.step(epoch, ++step, number);
                progress.step(number);
            }
        }
        return step;
    }
}
