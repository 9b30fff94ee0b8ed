package dev.masquerade.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grouped and depthwise convolution: what each filter sees, and the errors for shapes that do not group. */
class GroupedConvolutionTest {
    private static Tensor random(long seed, int... shape) {
        return Tensor.randn(new Rng(seed), DType.F64, Device.CPU, shape);
    }

    @Test
    void aDepthwiseConvolutionFiltersEachChannelByItself() {
        Tensor x = random(1, 2, 3, 6, 5), weight = random(2, 3, 1, 3, 3);
        Tensor depthwise = x.conv2d(weight, null, 1, 1, 1, 3);
        for (int c = 0; c < 3; c++) {
            Tensor alone = x.narrow(1, c, 1).conv2d(weight.narrow(0, c, 1), null, 1, 1, 1);
            assertArrayEquals(alone.toDoubleArray(), depthwise.narrow(1, c, 1).toDoubleArray(), 1e-12, "channel " + c);
        }
    }

    @Test
    void aFilterSeesOnlyTheChannelsOfItsGroup() {
        Tensor x = random(3, 1, 4, 5, 5), weight = random(4, 6, 2, 3, 3), bias = random(5, 6);
        Tensor y = x.conv2d(weight, bias, 1, 0, 1, 2);
        assertArrayEquals(new int[] {1, 6, 3, 3}, y.shape());
        Tensor changed = Tensor.concat(List.of(x.narrow(1, 0, 2), x.narrow(1, 2, 2).mul(-3)), 1); // only group 1's channels
        Tensor z = changed.conv2d(weight, bias, 1, 0, 1, 2);
        assertArrayEquals(y.narrow(1, 0, 3).toDoubleArray(), z.narrow(1, 0, 3).toDoubleArray(), 1e-12, "group 0's filters did not see it");
        assertTrue(largestDifference(y.narrow(1, 3, 3), z.narrow(1, 3, 3)) > 0.1, "group 1's filters did");
    }

    @Test
    void shapesThatDoNotGroupAreNamed() {
        Tensor x = random(6, 1, 4, 5, 5);
        var notDividing = assertThrows(IllegalArgumentException.class, () -> x.conv2d(random(7, 6, 4, 3, 3), null, 1, 0, 1, 3));
        assertEquals("conv2d: groups = 3 must be at least 1 and divide both the 4 input channels and the 6 filters", notDividing.getMessage());
        var wrongWeight = assertThrows(IllegalArgumentException.class, () -> x.conv2d(random(7, 4, 4, 3, 3), null, 1, 0, 1, 2));
        assertTrue(wrongWeight.getMessage().startsWith("conv2d: with 2 groups each filter sees 2 of the input's 4 channels, so the weight must be [4, 2, kH, kW]"),
                wrongWeight.getMessage());
    }

    /** The largest absolute difference of two tensors' elements. */
    private static double largestDifference(Tensor a, Tensor b) {
        double[] x = a.toDoubleArray(), y = b.toDoubleArray();
        double most = 0;
        for (int i = 0; i < x.length; i++) {
            most = Math.max(most, Math.abs(x[i] - y[i]));
        }
        return most;
    }
}
