package dev.masquerade.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.layers.Activation;
import dev.masquerade.nn.layers.BatchNorm;
import dev.masquerade.nn.layers.Conv2d;
import dev.masquerade.nn.layers.Dropout;
import dev.masquerade.nn.layers.Linear;
import dev.masquerade.nn.layers.Reshape;
import dev.masquerade.nn.layers.Upscale;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Modules: parameter trees, modes, summaries, and what each layer computes. */
class ModuleTest {

    @Test
    void parametersAreNamedByPathAndCounted() {
        Sequential net = new Sequential(new Conv2d(3, 8, 3, 1, 1, new Rng(1)), Activation.relu(), Reshape.flatten(), new Linear(8 * 4 * 4, 2, new Rng(2)));
        assertEquals(List.of("0.weight", "0.bias", "3.weight", "3.bias"), List.copyOf(net.namedParameters().keySet()));
        assertEquals(8 * 3 * 9 + 8 + 128 * 2 + 2, net.parameterCount());
        String summary = net.summary(1, 3, 4, 4);
        assertTrue(summary.contains("[1, 8, 4, 4]") && summary.contains("[1, 128]") && summary.contains("[1, 2]"), summary);
        assertTrue(summary.contains(String.format("%,d", net.parameterCount())), summary);
    }

    @Test
    void linearComputesXTimesWTransposedPlusB() {
        Linear linear = new Linear(3, 2, new Rng(3));
        Tensor x = Tensor.randn(new Rng(4), 5, 3);
        Tensor w = linear.weight().value();
        Tensor expected = x.matmul(w.transpose(0, 1)).add(linear.namedParameters().get("bias").value());
        assertArrayEquals(expected.toFloatArray(), linear.forward(x).toFloatArray(), 1e-6f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> linear.forward(Tensor.zeros(5, 4)));
        assertTrue(e.getMessage().contains("must end in 3 features"), e.getMessage());
    }

    @Test
    void aLinearLayerFedTheWrongFeaturesGivesAdviceThatFitsTheInput() {
        Linear layer = new Linear(49, 2, new Rng(1));
        String images = assertThrows(IllegalArgumentException.class, () -> layer.forward(Tensor.zeros(3, 1, 7, 7))).getMessage();
        assertTrue(images.contains("flatten images first"), images);
        // a classifier built for 28x28 pictures fed 32x32 ones: flattened already, but too many features
        String size = assertThrows(IllegalArgumentException.class, () -> layer.forward(Tensor.zeros(3, 64))).getMessage();
        assertTrue(size.contains("make 64") && size.contains("size the model was built for") && !size.contains("flatten"), size);
    }

    @Test
    void initialisationIsReproducibleFromTheSeed() {
        assertArrayEquals(new Linear(4, 4, new Rng(7)).weight().value().toFloatArray(), new Linear(4, 4, new Rng(7)).weight().value().toFloatArray());
        float[] w = new Linear(100, 50, new Rng(8)).weight().value().toFloatArray();
        double bound = 1 / Math.sqrt(100);
        for (float v : w) {
            assertTrue(Math.abs(v) <= bound);
        }
    }

    @Test
    void dropoutDropsInTrainingAndPassesThroughInEvaluation() {
        Dropout dropout = new Dropout(0.5, new Rng(9));
        Tensor x = Tensor.ones(10_000);
        float[] dropped = dropout.forward(x).toFloatArray();
        long zeros = 0;
        for (float v : dropped) {
            assertTrue(v == 0 || v == 2);
            zeros += v == 0 ? 1 : 0;
        }
        assertEquals(5000, zeros, 200);
        dropout.eval();
        assertSame(x, dropout.forward(x));
    }

    @Test
    void toADTypeConvertsEveryParameterAndBufferSoThatInputOfThatTypeTrains() {
        Sequential model = new Sequential(new Linear(3, 4, new Rng(1)), new BatchNorm(4));
        Tensor input = Tensor.randn(new Rng(2), DType.F64, 5, 3);
        assertThrows(IllegalArgumentException.class, () -> model.forward(input), "float64 input meets float32 weights");
        model.to(DType.F64);
        model.namedParameters().values().forEach(p -> assertEquals(DType.F64, p.value().dtype()));
        model.namedBuffers().values().forEach(b -> assertEquals(DType.F64, b.dtype()));
        model.forward(input).sum().backward();
        assertEquals(DType.F64, model.parameters().get(0).grad().dtype());
        assertThrows(IllegalArgumentException.class, () -> model.to(DType.I32));
    }

    @Test
    void batchNormNormalisesInTrainingAndUsesRunningStatisticsInEvaluation() {
        BatchNorm bn = new BatchNorm(2);
        Tensor x = Tensor.randn(new Rng(10), 64, 2, 3, 3).mul(3).add(5);
        Tensor y = bn.forward(x);
        assertEquals(0, y.mean().item(), 1e-5);
        assertEquals(1, y.var(new int[0], false).item(), 1e-3);
        Tensor runningMean = bn.namedBuffers().get("running_mean");
        assertEquals(0.5, runningMean.mean().item(), 0.1); // 0.9·0 + 0.1·5
        bn.eval();
        Tensor z = bn.forward(x);
        assertNotEquals(y.mean().item(), z.mean().item(), 1e-3);
    }

    @Test
    void evaluatingPutsEveryModuleInEvaluationModeAndRestoresEachOnesModeAfterwards() {
        Dropout dropout = new Dropout(0.5, new Rng(1));
        BatchNorm norm = new BatchNorm(3);
        Sequential model = new Sequential(new Linear(3, 3, new Rng(2)), norm, dropout);
        dropout.eval(); // a mixed state: the scope must give back exactly this
        try (var evaluating = model.evaluating()) {
            assertTrue(!model.isTraining() && !norm.isTraining() && !dropout.isTraining());
        }
        assertTrue(model.isTraining() && norm.isTraining());
        assertTrue(!dropout.isTraining());
        assertThrows(IllegalStateException.class, () -> {
            try (var evaluating = model.evaluating()) {
                throw new IllegalStateException("an evaluation that fails half-way");
            }
        });
        assertTrue(model.isTraining() && norm.isTraining(), "an exception inside the scope still restores the modes");
    }

    @Test
    void upscaleDoublesTheResolution() {
        Upscale up = new Upscale(8, 4, new Rng(11));
        assertArrayEquals(new int[] {2, 4, 10, 12}, up.forward(Tensor.zeros(2, 8, 5, 6)).shape());
    }

    @Test
    void toTheCurrentDeviceKeepsValues() {
        Linear linear = new Linear(2, 2, new Rng(12));
        float[] before = linear.weight().value().toFloatArray();
        linear.to(Device.CPU);
        assertArrayEquals(before, linear.weight().value().toFloatArray());
        assertEquals(DType.F32, linear.weight().value().dtype());
    }
}
