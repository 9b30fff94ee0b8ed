package dev.masquerade.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.gan.models.RingMlp;
import dev.masquerade.gan.ring.Ring;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.optim.Adam;
import dev.masquerade.nn.optim.Optimizer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The alternating updates: k discriminator steps per generator step, each network moved only by
 * its own loss. Coursework task 6.5 (the discriminator steps) is graded here and by {@link RingRunTest}.
 */
class GanTrainerTest {
    private final Rng rng = new Rng(11);
    private final Layer generator = RingMlp.generator(rng);
    private final Layer discriminator = RingMlp.discriminator(rng);
    private final Optimizer generatorOptimizer = new Adam(generator.parameters(), 1e-3, 0.5, 0.999);
    private final Optimizer discriminatorOptimizer = new Adam(discriminator.parameters(), 1e-3, 0.5, 0.999);

    private GanTrainer trainer(int k) {
        return new GanTrainer(generator, discriminator, generatorOptimizer, discriminatorOptimizer, GanLoss.NONSATURATING, k, 0);
    }

    @Tag("task-6.5")
    @Test
    void eachStepTakesKRealBatchesAndUpdatesDKTimesAndGOnce() {
        AtomicInteger batches = new AtomicInteger();
        GanTrainer trainer = trainer(3);
        for (int i = 0; i < 2; i++) {
            trainer.step(() -> {
                batches.incrementAndGet();
                return Ring.sample(rng, 32);
            }, n -> Tensor.randn(rng, n, RingMlp.NOISE));
        }
        assertEquals(6, batches.get());
        assertEquals(6, discriminatorOptimizer.steps());
        assertEquals(2, generatorOptimizer.steps());
    }

    @Tag("task-6.5")
    @Test
    void theDiscriminatorsStepLeavesTheGeneratorAlone() {
        // With the generator's learning rate at zero, a whole step must leave it exactly as it was.
        generatorOptimizer.setLearningRate(0);
        float[] before = generator.parameters().get(0).value().toFloatArray();
        float[] discriminatorBefore = discriminator.parameters().get(0).value().toFloatArray();
        trainer(2).step(() -> Ring.sample(rng, 32), n -> Tensor.randn(rng, n, RingMlp.NOISE));
        assertArrayEquals(before, generator.parameters().get(0).value().toFloatArray());
        assertNotEquals(java.util.Arrays.toString(discriminatorBefore), java.util.Arrays.toString(discriminator.parameters().get(0).value().toFloatArray()));
    }

    @Tag("task-6.5")
    @Test
    void theReportDescribesTheStep() {
        GanTrainer.StepReport report = trainer(1).step(() -> Ring.sample(rng, 64), n -> Tensor.randn(rng, n, RingMlp.NOISE));
        assertTrue(report.dReal() > 0 && report.dReal() < 1, "D(x) is a probability: " + report.dReal());
        assertTrue(report.dFakeBefore() > 0 && report.dFakeBefore() < 1, "D(G(z)): " + report.dFakeBefore());
        // G's update moves its fakes towards what D calls real.
        assertTrue(report.dFakeAfter() > report.dFakeBefore(), report.dFakeBefore() + " -> " + report.dFakeAfter());
        assertTrue(report.generatorGradientNorm() > 0);
        assertEquals(-Math.log(report.dFakeBefore()), report.generatorLoss(), 0.2); // mean of −log D ≈ −log of mean D
    }

    @Test
    void kMustBePositive() {
        var e = assertThrows(IllegalArgumentException.class, () -> trainer(0));
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
    }
}
