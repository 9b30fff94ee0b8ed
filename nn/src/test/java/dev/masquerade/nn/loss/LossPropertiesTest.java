package dev.masquerade.nn.loss;

import static dev.masquerade.engine.testing.GradientCase.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.testing.Domain;
import dev.masquerade.engine.testing.Gens;
import dev.masquerade.engine.testing.GradientCase;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every loss passes the engine's standard properties (float64 gradient check, float32 agreement). */
class LossPropertiesTest {
    private static final Domain PROBABILITY = Domain.real(0.05, 0.95);
    private static final Domain TARGET = Domain.real(0, 1);
    private static final Domain WEIGHT = Domain.real(0.1, 2);

    static List<GradientCase> cases() {
        return List.of(
                of("mse", Gens.sameShape(2), List.of(Domain.any()), (in, l) -> Losses.mse(in.get(0), in.get(1))),
                of("mse, weighted sum", Gens.sameShape(3), List.of(Domain.any(), Domain.any(), WEIGHT),
                        (in, l) -> Losses.mse(in.get(0), in.get(1), Reduction.SUM, in.get(2))),
                of("l1", Gens.sameShape(2), List.of(Domain.any()), (in, l) -> Losses.l1(in.get(0), in.get(1))),
                // the weights of a mean are a constant: d/dw of Σw·l/Σw is (lᵢ − L)/Σw, near 0 when the losses agree
                of("l1, weighted mean", Gens.sameShape(3), List.of(Domain.any(), Domain.any(), Domain.real(0.5, 1).constant()),
                        (in, l) -> Losses.l1(in.get(0), in.get(1), Reduction.MEAN, in.get(2))),
                of("bce", Gens.sameShape(2), List.of(PROBABILITY, TARGET), (in, l) -> Losses.bce(in.get(0), in.get(1), Reduction.MEAN, null)),
                of("bceWithLogits", Gens.sameShape(2), List.of(Domain.real(-4, 4), TARGET), (in, l) -> Losses.bceWithLogits(in.get(0), in.get(1))),
                of("bceWithLogits, unreduced", Gens.sameShape(2), List.of(Domain.real(-4, 4), TARGET),
                        (in, l) -> Losses.bceWithLogits(in.get(0), in.get(1), Reduction.NONE, null)),
                of("crossEntropy", Gens.structured(new int[] {1, 2}, new int[] {6, 7}, p -> true,
                        p -> List.of(new int[] {p[0], p[1]}, new int[] {p[0]})),
                        List.of(Domain.any(), Domain.indices(l -> l.param(1))), (in, l) -> Losses.crossEntropy(in.get(0), in.get(1))),
                of("dssim", Gens.structured(new int[] {1, 1, 11, 11}, new int[] {2, 2, 13, 13}, p -> true,
                        p -> List.of(new int[] {p[0], p[1], p[2], p[3]}, new int[] {p[0], p[1], p[2], p[3]})),
                        List.of(TARGET), (in, l) -> Ssim.dssim(in.get(0), in.get(1))));
    }

    @TestFactory
    Stream<DynamicContainer> everyLoss() {
        return cases().stream().map(GradientCase::tests);
    }

    @Test
    void knownValues() {
        Tensor p = Tensor.of(new double[] {0.5, 2}, DType.F64, 2);
        Tensor t = Tensor.of(new double[] {1, 1}, DType.F64, 2);
        assertEquals((0.25 + 1) / 2, Losses.mse(p, t).item(), 1e-12);
        assertEquals(0.75, Losses.l1(p, t).item(), 1e-12);
        // cross-entropy of uniform logits over 4 classes is log 4
        Tensor logits = Tensor.of(new double[] {0, 0, 0, 0}, DType.F64, 1, 4);
        assertEquals(Math.log(4), Losses.crossEntropy(logits, Tensor.indices(new int[] {2}, 1)).item(), 1e-12);
        // BCE with logits equals BCE on sigmoid probabilities
        Tensor x = Tensor.of(new double[] {-1.5, 0.3, 2}, DType.F64, 3);
        Tensor y = Tensor.of(new double[] {0, 1, 0.25}, DType.F64, 3);
        assertEquals(Losses.bce(x.sigmoid(), y, Reduction.MEAN, null).item(), Losses.bceWithLogits(x, y).item(), 1e-9);
        // a mask restricts the mean to the masked elements
        Tensor mask = Tensor.of(new double[] {1, 0}, DType.F64, 2);
        assertEquals(0.5, Losses.l1(p, t, Reduction.MEAN, mask).item(), 1e-12);
    }

    @Test
    void bceWithLogitsStaysFiniteForHugeLogits() {
        Tensor x = Tensor.of(new double[] {-1000, 1000}, DType.F64, 2);
        Tensor y = Tensor.of(new double[] {1, 0}, DType.F64, 2);
        assertEquals(1000, Losses.bceWithLogits(x, y).item(), 1e-9);
    }

    @Test
    void ssimOfAnImageWithItselfIsOneAndDropsWithNoise() {
        Tensor image = Tensor.rand(new dev.masquerade.engine.Rng(1), dev.masquerade.engine.array.DType.F64, dev.masquerade.engine.array.Device.CPU, 2, 3, 16, 16);
        assertEquals(1, Ssim.ssim(image, image).item(), 1e-12);
        assertEquals(0, Ssim.dssim(image, image).item(), 1e-12);
        Tensor noisy = image.add(Tensor.randn(new dev.masquerade.engine.Rng(2), dev.masquerade.engine.array.DType.F64, dev.masquerade.engine.array.Device.CPU, 2, 3, 16, 16).mul(0.2));
        assertTrue(Ssim.ssim(image, noisy).item() < 0.9);
    }

    @Test
    void mismatchedShapesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Losses.mse(Tensor.zeros(2, 3), Tensor.zeros(3, 2)));
        assertEquals("mse: prediction [2, 3] and target [3, 2] must have the same shape", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ssim.ssim(Tensor.zeros(1, 1, 8, 8), Tensor.zeros(1, 1, 8, 8)));
    }
}
