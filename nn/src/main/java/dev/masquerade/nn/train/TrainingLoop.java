package dev.masquerade.nn.train;

import dev.masquerade.engine.Memory;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Parameter;
import dev.masquerade.nn.data.ArrayDataset;
import dev.masquerade.nn.data.DataLoader;
import dev.masquerade.nn.optim.Optimizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one training loop every trainer runs on (the classifier, the autoencoders, the face
 * swap, GANs): epochs of steps, each step inside a {@link Memory} scope; every step's losses
 * to the {@link TrainingLog} and the progress bar; hooks for what a trainer does every few
 * steps (previews, held-out evaluation) and after each epoch; periodic checkpoints; and a
 * guard that stops training with a clear message, before anything is saved, when a loss or
 * a parameter stops being a finite number, so the last checkpoint on disk is the last good one.
 *
 * <pre>{@code
 * TrainingLoop.epochs(5, loader.batchesPerEpoch())
 *         .log(log).progress(true)
 *         .guard(model.parameters())
 *         .afterEpoch(at -> log.epoch(at.epoch(), Map.of("accuracy", accuracy())))
 *         .checkpoint(0, at -> Checkpoint.save(file, model, adam, config(at)))
 *         .run(TrainingLoop.overBatches(loader, adam, batch -> lossOf(batch)));
 * }</pre>
 *
 * A trainer that counts steps rather than epochs uses {@link #steps}: one epoch of that many.
 */
public final class TrainingLoop {

    /** Where training is: the epoch (from 1) and the step (from 1, counted over the whole run). */
    public record Position(int epoch, long step) {
    }

    /** What one step reports: the headline loss (logged as "loss", shown on the bar) and any other values by name. */
    public record StepResult(double loss, Map<String, Object> values) {
        /** Just a loss. */
        public static StepResult of(double loss) {
            return new StepResult(loss, Map.of());
        }
    }

    /** One training step: compute the losses, back-propagate, update. Runs inside a memory scope. */
    @FunctionalInterface
    public interface Step {
        StepResult run(Position at) throws IOException;
    }

    /** Something a trainer does at a position: a preview, an evaluation, a checkpoint. */
    @FunctionalInterface
    public interface Action {
        void at(Position at) throws IOException;
    }

    /** Something a trainer does with each step's result (collapse warnings, its own curves). */
    @FunctionalInterface
    public interface StepListener {
        void after(Position at, StepResult result) throws IOException;
    }

    private record Periodic(int every, Action action) {
    }

    private final int epochs;
    private final long stepsPerEpoch;
    private final String label;
    private int epochsDone;
    private long stepsDone;
    private TrainingLog log;
    private boolean progress;
    private List<Parameter> guarded = List.of();
    private final List<StepListener> listeners = new ArrayList<>();
    private final List<Periodic> periodic = new ArrayList<>();
    private final List<Action> afterEpoch = new ArrayList<>();
    private Periodic checkpoint;
    private long lastCheckpoint = -1;

    private TrainingLoop(int epochs, long stepsPerEpoch, String label) {
        if (epochs < 1 || stepsPerEpoch < 1) {
            throw new IllegalArgumentException("training needs at least one epoch of at least one step, got " + epochs + " epochs of "
                    + stepsPerEpoch + " steps");
        }
        this.epochs = epochs;
        this.stepsPerEpoch = stepsPerEpoch;
        this.label = label;
    }

    /** {@code epochs} epochs of {@code stepsPerEpoch} steps; the progress bar shows one epoch at a time. */
    public static TrainingLoop epochs(int epochs, long stepsPerEpoch) {
        return new TrainingLoop(epochs, stepsPerEpoch, null);
    }

    /** {@code steps} steps in one epoch, shown on one progress bar named {@code label}. */
    public static TrainingLoop steps(long steps, String label) {
        return new TrainingLoop(1, steps, label);
    }

    /** Continues a resumed run: {@code epochs} epochs and {@code steps} steps are done already. */
    public TrainingLoop resumingAfter(int epochs, long steps) {
        this.epochsDone = epochs;
        this.stepsDone = steps;
        this.lastCheckpoint = steps;
        return this;
    }

    /** Writes every step's losses to {@code log}. */
    public TrainingLoop log(TrainingLog log) {
        this.log = log;
        return this;
    }

    /** Shows a progress bar (off for tests and scripts). */
    public TrainingLoop progress(boolean shown) {
        this.progress = shown;
        return this;
    }

    /** Parameters that must stay finite: checked before every checkpoint. */
    public TrainingLoop guard(List<Parameter> parameters) {
        this.guarded = List.copyOf(parameters);
        return this;
    }

    /** Calls listener after every step, with its result. */
    public TrainingLoop afterStep(StepListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Runs action every {@code steps} steps and after the last step. */
    public TrainingLoop every(int steps, Action action) {
        periodic.add(new Periodic(requirePositive(steps), action));
        return this;
    }

    /** Runs action at the end of every epoch, after its progress bar closes. */
    public TrainingLoop afterEpoch(Action action) {
        afterEpoch.add(action);
        return this;
    }

    /**
     * Saves a checkpoint every {@code steps} steps and after the last one, or at the end of
     * every epoch (after the {@link #afterEpoch} actions) when {@code steps} is 0. The
     * parameters of {@link #guard} are checked first: a non-finite one stops training unsaved.
     */
    public TrainingLoop checkpoint(int steps, Action save) {
        this.checkpoint = new Periodic(steps, save);
        return this;
    }

    /** Runs the remaining epochs and returns the position after the last step. */
    public Position run(Step step) throws IOException {
        long last = (long) epochs * stepsPerEpoch;
        long done = stepsDone;
        for (int epoch = epochsDone + 1; epoch <= epochs; epoch++) {
            long remaining = Math.min(stepsPerEpoch, last - done);
            String task = label != null ? label : "epoch " + epoch + "/" + epochs;
            try (Progress bar = new Progress(task, remaining, progress)) {
                for (long i = 0; i < remaining; i++) {
                    Position at = new Position(epoch, ++done);
                    StepResult result;
                    try (Memory.Scope scope = Memory.scope()) { // the step's tensors go back to the device here
                        result = step.run(at);
                    }
                    requireFinite(at, result);
                    if (log != null) {
                        log.step(epoch, done, result.loss(), result.values());
                    }
                    bar.step(result.loss());
                    for (StepListener listener : listeners) {
                        listener.after(at, result);
                    }
                    for (Periodic p : periodic) {
                        if (done % p.every() == 0 || done == last) {
                            p.action().at(at);
                        }
                    }
                    if (checkpoint != null && checkpoint.every() > 0 && (done % checkpoint.every() == 0 || done == last)) {
                        save(at);
                    }
                }
            }
            Position end = new Position(epoch, done);
            for (Action action : afterEpoch) {
                action.at(end);
            }
            if (checkpoint != null && checkpoint.every() == 0) {
                save(end);
            }
        }
        return new Position(epochs, done);
    }

    private void save(Position at) throws IOException {
        try (var scope = NoGrad.enter(); Memory.Scope memory = Memory.scope()) {
            for (int i = 0; i < guarded.size(); i++) {
                // 0·x is 0 for every finite x and NaN for NaN and ±∞: one reduction finds any of them
                if (!Double.isFinite(guarded.get(i).value().mul(0).sum().item())) {
                    throw diverged(at, "parameter " + i + " holds NaN or infinite values");
                }
            }
        }
        checkpoint.action().at(at);
        lastCheckpoint = at.step();
    }

    private void requireFinite(Position at, StepResult result) {
        if (!Double.isFinite(result.loss())) {
            throw diverged(at, "the loss is " + result.loss());
        }
        for (Map.Entry<String, Object> value : result.values().entrySet()) {
            if (value.getValue() instanceof Double d && !Double.isFinite(d)) {
                throw diverged(at, value.getKey() + " is " + d);
            }
        }
    }

    private TrainingDiverged diverged(Position at, String what) {
        String kept = checkpoint == null ? "nothing was saved"
                : lastCheckpoint < 0 ? "no checkpoint had been saved yet"
                : "the checkpoint of step " + lastCheckpoint + " is kept, untouched";
        return new TrainingDiverged("training stopped at step " + at.step() + " (epoch " + at.epoch() + "): " + what + "; " + kept
                + ". Lower the learning rate (or check the data for bad values) and train again" + (lastCheckpoint > 0 ? " with --resume" : ""));
    }

    private static int requirePositive(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("an interval of steps must be at least 1, got " + steps);
        }
        return steps;
    }

    /**
     * The step of supervised training over a data loader: a fresh pass over the data each
     * epoch; per batch, forget the old gradients, compute the loss, back-propagate, update.
     */
    public static Step overBatches(DataLoader loader, Optimizer optimizer, Function<ArrayDataset.Batch, Tensor> loss) {
        return new Step() {
            private Iterator<ArrayDataset.Batch> batches;
            private int epoch;

            @Override
            public StepResult run(Position at) {
                if (batches == null || at.epoch() != epoch) {
                    batches = loader.epoch().iterator();
                    epoch = at.epoch();
                }
                optimizer.zeroGrad();
                Tensor value = loss.apply(batches.next());
                value.backward();
                optimizer.step();
                return StepResult.of(value.item());
            }
        };
    }

    /** Training stopped because a loss or a parameter stopped being a finite number. */
    public static final class TrainingDiverged extends IllegalStateException {
        TrainingDiverged(String message) {
            super(message);
        }
    }
}
