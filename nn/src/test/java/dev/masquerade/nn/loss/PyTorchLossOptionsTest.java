package dev.masquerade.nn.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.backend.Backends;
import org.junit.jupiter.api.Test;

/**
 * The options PyTorch users port with them give PyTorch's numbers. Expected values from
 * PyTorch 1.13 (Debian's python3-torch) in float64, with the same inputs:
 * {@code F.cross_entropy(x, y, weight=w, ignore_index=2, label_smoothing=0.2, reduction=...)},
 * {@code F.binary_cross_entropy_with_logits(l, t, weight=ew, pos_weight=pw)} and
 * {@code F.binary_cross_entropy(torch.sigmoid(l), t, weight=ew)}.
 */
class PyTorchLossOptionsTest {
    private static final double TOLERANCE = 1e-12;

    private static Tensor logits() {
        return Tensor.of(new double[] {1.0, -2.0, 0.5, 0.3, 0.2, -1.0, 2.0, 1.0, 0.0, -0.5, 0.5, 1.5}, DType.F64, 4, 3);
    }

    private static final Tensor LABELS = Tensor.indices(new int[] {0, 2, 1, 2}, 4);
    private static final Tensor CLASS_WEIGHT = Tensor.of(new double[] {0.2, 1.0, 3.0}, DType.F64, 3);

    @Test
    void crossEntropyWeighsClassesAndDividesTheMeanByTheWeightsOfTheLabels() {
        assertEquals(1.2452354625916968, CrossEntropy.DEFAULT.weight(CLASS_WEIGHT).loss(logits(), LABELS).item(), TOLERANCE);
    }

    @Test
    void crossEntropyIgnoresTheSamplesOfTheIgnoredLabel() {
        assertEquals(0.956101433393332, CrossEntropy.DEFAULT.ignoreIndex(2).loss(logits(), LABELS).item(), TOLERANCE);
    }

    @Test
    void crossEntropySmoothsTheLabels() {
        assertEquals(1.1328148821756145, CrossEntropy.DEFAULT.labelSmoothing(0.1).loss(logits(), LABELS).item(), TOLERANCE);
    }

    @Test
    void crossEntropyWithEveryOptionAtOnceUnderEachReduction() {
        CrossEntropy all = CrossEntropy.DEFAULT.weight(CLASS_WEIGHT).ignoreIndex(2).labelSmoothing(0.2);
        assertEquals(1.8574197877476686, all.loss(logits(), LABELS).item(), TOLERANCE);
        assertEquals(2.2289037452972025, all.reduction(Reduction.SUM).loss(logits(), LABELS).item(), TOLERANCE);
        assertArrayEquals(new double[] {0.5220226370306047, 0.0, 1.7068811082665973, 0.0},
                all.reduction(Reduction.NONE).loss(logits(), LABELS).toDoubleArray(), TOLERANCE);
    }

    @Test
    void anIgnoredIndexOutsideTheClassesIsFineAsInPyTorch() {
        // PyTorch's default ignore_index is -100: no class has it, so nothing is ignored
        assertEquals(Losses.crossEntropy(logits(), LABELS).item(), CrossEntropy.DEFAULT.ignoreIndex(-100).loss(logits(), LABELS).item(), TOLERANCE);
    }

    @Test
    void badOptionsAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> CrossEntropy.DEFAULT.labelSmoothing(1.5));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> CrossEntropy.DEFAULT.weight(Tensor.ones(DType.F64, 2)).loss(logits(), LABELS));
        assertTrue(wrong.getMessage().contains("one per class"), wrong.getMessage());
    }

    private static final Tensor L = Tensor.of(new double[] {1.5, -0.5, 0.0, -2.0, 3.0, 0.7}, DType.F64, 2, 3);
    private static final Tensor T = Tensor.of(new double[] {1.0, 0.0, 1.0, 0.0, 1.0, 0.25}, DType.F64, 2, 3);
    private static final Tensor ELEMENT_WEIGHT = Tensor.of(new double[] {1.0, 2.0, 0.0, 0.5, 1.0, 1.0}, DType.F64, 2, 3);
    private static final Tensor POS_WEIGHT = Tensor.of(new double[] {2.0, 0.5, 4.0}, DType.F64, 3);

    @Test
    void binaryCrossEntropyWeightsAreNormalisedByTheNumberOfElements() {
        assertEquals(0.36496744205394194, Losses.bceWithLogits(L, T, Reduction.MEAN, ELEMENT_WEIGHT).item(), TOLERANCE);
        assertEquals(0.36496744205394194, Losses.bce(L.sigmoid(), T, Reduction.MEAN, ELEMENT_WEIGHT).item(), 1e-9);
    }

    @Test
    void posWeightScalesThePositiveTermPerClass() {
        assertEquals(0.8385482557941311, Losses.bceWithLogits(L, T, Reduction.MEAN, null, POS_WEIGHT).item(), TOLERANCE);
        assertEquals(0.4448856318639378, Losses.bceWithLogits(L, T, Reduction.MEAN, ELEMENT_WEIGHT, POS_WEIGHT).item(), TOLERANCE);
        assertEquals(Losses.bceWithLogits(L, T).item(),
                Losses.bceWithLogits(L, T, Reduction.MEAN, null, Tensor.ones(DType.F64, 3)).item(), TOLERANCE, "a weight of 1 changes nothing");
    }

    @Test
    void ssimTakesItsWindowAndDataRange() {
        Tensor image = Tensor.rand(new Rng(1), DType.F64, Device.CPU, 1, 2, 9, 9);
        Tensor noisy = image.add(Tensor.randn(new Rng(2), DType.F64, Device.CPU, 1, 2, 9, 9).mul(0.1));
        assertThrows(IllegalArgumentException.class, () -> Ssim.ssim(image, noisy), "a 9x9 image is smaller than the default window");
        assertEquals(1, Ssim.ssim(image, image, 7, 1).item(), TOLERANCE);
        // bytes with a data range of 255 are the same images as [0, 1] with a range of 1
        assertEquals(Ssim.ssim(image, noisy, 7, 1).item(), Ssim.ssim(image.mul(255), noisy.mul(255), 7, 255).item(), 1e-9);
        assertTrue(Ssim.ssim(image, noisy, 5, 1).item() < 1);
        assertThrows(IllegalArgumentException.class, () -> Ssim.ssim(image, noisy, 4, 1), "an even window has no centre");
    }

    @Test
    void theOptionsRunOnOpenClAsOnTheCpu() {
        boolean present = Backends.providers().stream().flatMap(p -> p.devices().stream()).anyMatch(d -> d.device().type().equals("opencl"));
        if (Boolean.getBoolean("opencl.required")) {
            assertTrue(present, "OpenCL is required here but no OpenCL device was found");
        }
        assumeTrue(present, "no OpenCL device");
        Device opencl = new Device("opencl", 0);
        Tensor x = logits().to(DType.F32), w = CLASS_WEIGHT.to(DType.F32);
        CrossEntropy all = CrossEntropy.DEFAULT.weight(w).ignoreIndex(2).labelSmoothing(0.2).reduction(Reduction.NONE);
        assertArrayEquals(all.loss(x, LABELS).toDoubleArray(), all.weight(w.to(opencl)).loss(x.to(opencl), LABELS.to(opencl)).toDoubleArray(), 1e-5);
        Tensor l = L.to(DType.F32), t = T.to(DType.F32), p = POS_WEIGHT.to(DType.F32);
        assertEquals(Losses.bceWithLogits(l, t, Reduction.MEAN, null, p).item(),
                Losses.bceWithLogits(l.to(opencl), t.to(opencl), Reduction.MEAN, null, p.to(opencl)).item(), 1e-5);
    }
}
