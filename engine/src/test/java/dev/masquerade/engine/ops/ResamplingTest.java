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
 * {@code F.interpolate(x, size=..., or scale_factor=..., mode="bilinear" or "bicubic", align_corners=False)}.
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

    @Test
    void bicubicResizingMatchesPyTorchUpAndDown() {
        double[] up = {-0.9209042658711137, -0.5067397928140214, 0.573266603959114, 2.328280404649037, 3.8736068027049457,
            0.7001993981682357, 1.4534456932330035, 2.9130750670105336, 4.970793464324563, 6.7263036268055405, 2.9761647223895964,
            4.352221955191334, 6.5015521086559716, 9.100384889166143, 11.22970831423552, 7.8067943518344425, 9.905320066632427,
            12.878359718981436, 16.151349930043484, 18.752525911237893, 14.743091441069796, 17.341070399121932, 20.922383111368557,
            24.737713263820904, 27.727853280567246, 20.703974819924586, 23.534488047915037, 27.42848777162195, 31.55425170123768,
            34.773150069569496, 23.953071381116796, 26.95024261227266, 31.057301029137722, 35.38385510773875, 38.748852134311804};
        assertArrayEquals(up, image().resizeBicubic(7, 5).toDoubleArray(), 1e-12);
        double[] down = {1.8206627509067705, 6.456493826640407, 21.268747964785774, 30.958910090192546};
        assertArrayEquals(down, image().resizeBicubic(2, 2).toDoubleArray(), 1e-12);
    }
}
