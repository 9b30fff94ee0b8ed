package dev.masquerade.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.Parameter;
import dev.masquerade.nn.data.ArrayDataset;
import dev.masquerade.nn.data.DataLoader;
import dev.masquerade.nn.optim.Sgd;
import dev.masquerade.nn.train.TrainingLoop.Position;
import dev.masquerade.nn.train.TrainingLoop.StepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLoopTest {
    @TempDir
    Path folder;

    @Test
    void runsEveryStepOfEveryEpochInOrderAndLogsEachOne() throws IOException {
        List<Position> seen = new ArrayList<>();
        try (TrainingLog log = new TrainingLog(folder)) {
            Position end = TrainingLoop.epochs(3, 4).log(log).run(at -> {
                seen.add(at);
                return StepResult.of(1.0 / at.step());
            });
            assertEquals(new Position(3, 12), end);
        }
        assertEquals(12, seen.size());
        assertEquals(new Position(1, 1), seen.get(0));
        assertEquals(new Position(2, 5), seen.get(4));
        assertEquals(new Position(3, 12), seen.get(11));
        assertEquals(12, Files.readAllLines(folder.resolve("metrics.jsonl")).size());
    }

    @Test
    void periodicActionsRunAtMultiplesAndAfterTheLastStep() throws IOException {
        List<Long> previews = new ArrayList<>();
        List<Long> checkpoints = new ArrayList<>();
        TrainingLoop.steps(10, "test").every(4, at -> previews.add(at.step())).checkpoint(3, at -> checkpoints.add(at.step()))
                .run(at -> StepResult.of(0.5));
        assertEquals(List.of(4L, 8L, 10L), previews);
        assertEquals(List.of(3L, 6L, 9L, 10L), checkpoints);
    }

    @Test
    void anEpochCheckpointFollowsTheEpochsOtherActions() throws IOException {
        List<String> order = new ArrayList<>();
        TrainingLoop.epochs(2, 3).afterEpoch(at -> order.add("evaluate " + at.epoch())).checkpoint(0, at -> order.add("save " + at.step()))
                .run(at -> StepResult.of(0.5));
        assertEquals(List.of("evaluate 1", "save 3", "evaluate 2", "save 6"), order);
    }

    @Test
    void aResumedRunContinuesTheCountAndRunsOnlyWhatIsLeft() throws IOException {
        List<Position> seen = new ArrayList<>();
        Position end = TrainingLoop.epochs(3, 2).resumingAfter(2, 4).run(at -> {
            seen.add(at);
            return StepResult.of(0.5);
        });
        assertEquals(List.of(new Position(3, 5), new Position(3, 6)), seen);
        assertEquals(new Position(3, 6), end);
    }

    @Test
    void aNonFiniteLossStopsTrainingBeforeTheNextCheckpointAndSaysWhichIsKept() {
        List<Long> saved = new ArrayList<>();
        TrainingLoop.TrainingDiverged stop = assertThrows(TrainingLoop.TrainingDiverged.class, () -> TrainingLoop.steps(20, "test")
                .checkpoint(5, at -> saved.add(at.step()))
                .run(at -> StepResult.of(at.step() < 8 ? 0.5 : Double.NaN)));
        assertEquals(List.of(5L), saved);
        assertEquals("training stopped at step 8 (epoch 1): the loss is NaN; the checkpoint of step 5 is kept, untouched. Lower the "
                + "learning rate (or check the data for bad values) and train again with --resume", stop.getMessage());
    }

    @Test
    void aNonFinitePartOfTheLossStopsTrainingToo() {
        TrainingLoop.TrainingDiverged stop = assertThrows(TrainingLoop.TrainingDiverged.class, () -> TrainingLoop.steps(3, "test")
                .run(at -> new StepResult(0.5, java.util.Map.of("d_loss", Double.POSITIVE_INFINITY))));
        assertTrue(stop.getMessage().contains("d_loss is Infinity; nothing was saved"), stop.getMessage());
    }

    @Test
    void aParameterThatBecameNaNIsNeverSaved() {
        Parameter weight = new Parameter(Tensor.ones(3));
        List<Long> saved = new ArrayList<>();
        TrainingLoop.TrainingDiverged stop = assertThrows(TrainingLoop.TrainingDiverged.class, () -> TrainingLoop.steps(6, "test")
                .guard(List.of(weight))
                .checkpoint(2, at -> saved.add(at.step()))
                .run(at -> {
                    if (at.step() == 3) {
                        try (var scope = NoGrad.enter()) {
                            weight.value().copyFrom(Tensor.of(new float[] {1, Float.NaN, 1}, 3)); // a finite loss, a broken parameter
                        }
                    }
                    return StepResult.of(0.5);
                }));
        assertEquals(List.of(2L), saved);
        assertTrue(stop.getMessage().startsWith("training stopped at step 4 (epoch 1): parameter 0 holds NaN or infinite values"),
                stop.getMessage());
    }

    @Test
    void supervisedStepsVisitEverySampleOnceAnEpochAndUpdateTheParameters() throws IOException {
        float[] features = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        DataLoader loader = new DataLoader(new ArrayDataset(features, new int[] {1}, new int[10]), 3, true, false, new Rng(1), Device.CPU);
        Parameter scale = new Parameter(Tensor.ones(1));
        List<Double> seen = new ArrayList<>();
        TrainingLoop.epochs(2, loader.batchesPerEpoch()).run(TrainingLoop.overBatches(loader, new Sgd(List.of(scale), 0.01), batch -> {
            for (double value : batch.features().toDoubleArray()) {
                seen.add(value);
            }
            return batch.features().mul(scale.value()).sum(); // d/d scale = the sum of the batch
        }));
        assertEquals(20, seen.size());
        Set<Double> all = new HashSet<>();
        for (float f : features) {
            all.add((double) f);
        }
        assertEquals(all, new HashSet<>(seen.subList(0, 10)), "epoch 1");
        assertEquals(all, new HashSet<>(seen.subList(10, 20)), "epoch 2");
        assertEquals(1 - 0.01 * 2 * 45, scale.value().item(), 1e-5, "two epochs of SGD on the sum of every sample");
    }
}
