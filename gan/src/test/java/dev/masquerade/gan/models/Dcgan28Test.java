package dev.masquerade.gan.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.gan.GanModel;
import dev.masquerade.nn.layers.Upsampling;
import org.junit.jupiter.api.Test;

/** DCGAN-28's generator doubles 7 × 7 to 28 × 28 whichever upsampling it is built with. */
class Dcgan28Test {

    @Test
    void everyUpsamplingMakesTwentyEightByTwentyEightPictures() {
        for (Upsampling upsampling : Upsampling.values()) {
            Tensor pictures = Dcgan28.generator(new Rng(1), upsampling).forward(Tensor.randn(new Rng(2), 3, Dcgan28.NOISE));
            assertArrayEquals(new int[] {3, 1, 28, 28}, pictures.shape(), upsampling.cliName());
        }
    }

    @Test
    void theRingsMlpsDoNotUpsample() {
        var error = assertThrows(IllegalArgumentException.class, () -> GanModel.RING.generator(new Rng(1), Upsampling.SHUFFLE));
        assertEquals("--upsampling shuffle applies to fashion-mnist's DCGAN-28; the ring's MLPs do not upsample", error.getMessage());
    }
}
