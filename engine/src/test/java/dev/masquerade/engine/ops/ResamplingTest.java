package dev.masquerade.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Bilinear resampling gives PyTorch's values. The expected numbers come from PyTorch 1.13
 * (Debian's python3-torch): {@code x = torch.arange(12, dtype=torch.float64).reshape(1, 1, 3, 4) ** 1.5}, then
 * {@code F.interpolate(x, size=..., or scale_factor=..., mode="bilinear", align_corners=False)}.
 */
class ResamplingTest {
    private static Tensor image() {
        double[] values = new double[12];
        Arrays.setAll(values, i -> Math.pow(i, 1.5));
        return Tensor.of(values, DType.F64, 1, 1, 3, 4);
    }

    @Test
    void resizingToASizeMatchesPyTorch() {
        double[] pytorch = {0.16666666666666663, 1.9142135623730951, 4.801531539713224, 3.5120226591665964, 6.323983806263461,
            10.034134546758583, 8.530056647916492, 12.938639172099009, 17.88303905732662, 17.425731158151354, 22.76228864934474,
            28.556929630053723, 23.35618083164127, 29.311388300841895, 35.67285667853846};
        Tensor resized = image().resizeBilinear(5, 3);
        assertArrayEquals(new int[] {1, 1, 5, 3}, resized.shape());
        assertArrayEquals(pytorch, resized.toDoubleArray(), 1e-12);
    }

    @Test
    void scalingUpAndDownMatchesPyTorch() {
        Tensor up = image().upsampleBilinear(2.5);
        assertArrayEquals(new int[] {1, 1, 7, 10}, up.shape());
        double[] firstRowAndTwo = {0.0, 0.10000000000000003, 0.5, 0.9000000000000001, 1.5485281374238573, 2.2798989873223334,
            3.065199654542235, 4.012289773726411, 4.959379892910589, 5.196152422706632, 0.8000000000000003, 0.9218033988749899};
        assertArrayEquals(firstRowAndTwo, Arrays.copyOf(up.toDoubleArray(), 12), 1e-12);
        assertArrayEquals(new double[] {5.045084971874737, 10.310444295401005}, image().upsampleBilinear(0.5).toDoubleArray(), 1e-12);
    }

    @Test
    void aSizeWithoutPixelsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> image().resizeBilinear(0, 3));
        assertThrows(IllegalArgumentException.class, () -> image().upsampleBilinear(0.1));
    }
}
