package dev.masquerade.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import org.junit.jupiter.api.Test;

/** The deepfake trainer's random warp. */
class RandomWarpTest {
    private final Tensor images = Tensor.rand(new Rng(1), 3, 2, 16, 16);

    @Test
    void noJitterIsTheIdentity() {
        assertArrayEquals(images.toFloatArray(), Transforms.randomWarp(images, 5, 0, new Rng(2)).toFloatArray(), 1e-6f);
    }

    @Test
    void jitterMovesPixelsButKeepsAFlatImageFlat() {
        Tensor warped = Transforms.randomWarp(images, 5, 0.05, new Rng(2));
        assertTrue(warped.sub(images).abs().mean().item() > 0.05, "a 5% jitter should move the pixels");
        Tensor flat = Tensor.full(0.3, 1, 1, 16, 16);
        assertArrayEquals(flat.toFloatArray(), Transforms.randomWarp(flat, 5, 0.05, new Rng(2)).toFloatArray(), 1e-6f);
    }

    @Test
    void theSameSeedWarpsTheSameWay() {
        assertArrayEquals(Transforms.randomWarp(images, 5, 0.03, new Rng(9)).toFloatArray(),
                Transforms.randomWarp(images, 5, 0.03, new Rng(9)).toFloatArray());
    }

    @Test
    void aLatticeNeedsTwoPointsAcross() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Transforms.randomWarp(images, 1, 0.1, new Rng(1)))
                .getMessage().contains("grid >= 2"));
    }
}
