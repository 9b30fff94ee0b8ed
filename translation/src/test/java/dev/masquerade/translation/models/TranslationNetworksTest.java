package dev.masquerade.translation.models;

import dev.masquerade.nn.layers.Upsampling;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.nn.Sequential;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The translation networks' shapes, their skip connections, their noise and their patches. */
class TranslationNetworksTest {
    private static final Rng RNG = new Rng(3);

    @Test
    void aUNetGivesBackAPictureOfItsInputsSizeWithEitherUpsampling() {
        for (Upsampling upsampling : Upsampling.values()) {
            UNet unet = new UNet(1, 3, 3, 4, Norm.INSTANCE, upsampling, 0.5, false, RNG);
            Tensor out = unet.forward(Tensor.randn(RNG, 2, 1, 16, 24));
            assertArrayEquals(new int[] {2, 3, 16, 24}, out.shape(), upsampling.cliName());
            assertTrue(out.abs().max().item() <= 1, "tanh output");
        }
    }

    @Test
    void aUNetRefusesSidesItCannotHalveDepthTimes() {
        UNet unet = new UNet(1, 1, 3, 4, Norm.BATCH, Upsampling.TRANSPOSED, 0, false, RNG);
        var error = assertThrows(IllegalArgumentException.class, () -> unet.forward(Tensor.randn(RNG, 1, 1, 20, 16)));
        assertTrue(error.getMessage().contains("multiples of 8") && error.getMessage().contains("[1, 1, 20, 16]"), error.getMessage());
    }

    @Test
    void theSkipConnectionsCarryDetailAcrossTheBottleneck() {
        // a pixel's change reaches the output at that pixel through the outermost skip, not only through the bottleneck
        UNet unet = new UNet(1, 1, 4, 4, Norm.INSTANCE, Upsampling.TRANSPOSED, 0, false, RNG);
        Tensor x = Tensor.randn(RNG, DType.F64, 1, 1, 16, 16).requiresGrad(true);
        unet.to(DType.F64);
        unet.forward(x).narrow(2, 5, 1).narrow(3, 5, 1).sum().backward();
        double[] g = x.grad().toDoubleArray();
        double near = Math.abs(g[5 * 16 + 5]), far = Math.abs(g[15 * 16 + 15]);
        assertTrue(near > 0 && near > far, "d out[5,5] / d x[5,5] = " + near + ", / d x[15,15] = " + far);
    }

    @Test
    void dropoutIsTheGeneratorsNoiseInTrainingAndOffInEvaluation() {
        UNet unet = new UNet(1, 1, 5, 4, Norm.INSTANCE, Upsampling.TRANSPOSED, 0.5, false, RNG);
        Tensor x = Tensor.randn(RNG, 1, 1, 32, 32);
        assertNotEquals(Arrays.toString(unet.forward(x).toFloatArray()), Arrays.toString(unet.forward(x).toFloatArray()));
        try (var evaluating = unet.evaluating()) {
            assertArrayEquals(unet.forward(x).toFloatArray(), unet.forward(x).toFloatArray());
        }
    }

    @Test
    void aResnetGeneratorKeepsTheSizeAndPadsByReflection() {
        ResnetGenerator generator = new ResnetGenerator(3, 3, 4, 2, Norm.INSTANCE, Upsampling.RESIZE, RNG);
        assertArrayEquals(new int[] {2, 3, 12, 16}, generator.forward(Tensor.randn(RNG, 2, 3, 12, 16)).shape());
        var error = assertThrows(IllegalArgumentException.class, () -> generator.forward(Tensor.randn(RNG, 1, 3, 10, 16)));
        assertTrue(error.getMessage().contains("multiples of 4"), error.getMessage());
    }

    @Test
    void eachPatchLogitSeesTheReceptiveFieldItsLayersGiveIt() {
        assertEquals(70, PatchDiscriminator.receptiveField(3)); // pix2pix's 70x70 PatchGAN
        for (int layers = 1; layers <= 2; layers++) {
            Sequential d = PatchDiscriminator.of(1, 2, layers, Norm.BATCH, RNG);
            d.to(DType.F64);
            int side = 80;
            Tensor x = Tensor.randn(RNG, DType.F64, 1, 1, side, side).requiresGrad(true);
            try (var evaluating = d.evaluating()) { // batch statistics would tie every logit to every pixel
                Tensor logits = d.forward(x);
                assertArrayEquals(new int[] {1, 1, side / (1 << layers) - 2, side / (1 << layers) - 2}, logits.shape());
                int row = logits.size(2) / 2;
                logits.narrow(2, row, 1).narrow(3, row, 1).sum().backward();
            }
            double[] g = x.grad().toDoubleArray();
            int first = side, last = -1;
            for (int i = 0; i < side; i++) {
                boolean seen = false;
                for (int j = 0; j < side; j++) {
                    seen |= g[j * side + i] != 0;
                }
                if (seen) {
                    first = Math.min(first, i);
                    last = i;
                }
            }
            assertEquals(PatchDiscriminator.receptiveField(layers), last - first + 1, layers + " layers");
        }
    }

    @Test
    void aResidualUNetStartsCloseToItsInput() {
        UNet unet = new UNet(3, 3, 3, 4, Norm.INSTANCE, Upsampling.TRANSPOSED, 0, true, RNG);
        unet.initialise(dev.masquerade.nn.Initialisation.PAPER, RNG);
        Tensor x = Tensor.rand(RNG, 1, 3, 16, 16);
        double change = unet.forward(x).sub(x).abs().mean().item();
        assertTrue(change < 0.1, "an N(0, 0.02) start adds a small correction: " + change);
        assertThrows(IllegalArgumentException.class, () -> new UNet(1, 3, 3, 4, Norm.INSTANCE, Upsampling.TRANSPOSED, 0, true, RNG));
    }
}
