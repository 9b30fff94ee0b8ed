package dev.masquerade.motion.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.ops.Sampling;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The first-order motion of each keypoint: a shift plus the local linear map J_s · J_d⁻¹ around it. */
class FirstOrderMotionTest {
    private final Rng rng = new Rng(5);

    private static Tensor identities(int n, int k) {
        return Tensor.of(new double[] {1, 0, 0, 1}, DType.F64, Device.CPU, 1, 1, 2, 2).expand(n, k, 2, 2);
    }

    @Test
    void theInverseOfA2x2MatrixUndoesIt() {
        Tensor m = Tensor.randn(rng, 3, 4, 2, 2).to(DType.F64).add(identities(3, 4).mul(2));
        assertArrayEquals(identities(3, 4).contiguous().toDoubleArray(), m.matmul(FirstOrderMotion.inverse2x2(m)).toDoubleArray(), 1e-12);
    }

    @Tag("task-11.3")
    @Test
    void aKeypointThatOnlyShiftsMovesEveryPixelByItsShift() {
        Tensor driving = Tensor.of(new double[] {0.1, -0.2}, DType.F64, Device.CPU, 1, 1, 2);
        Tensor source = driving.add(Tensor.of(new double[] {0.3, 0.05}, DType.F64, Device.CPU, 1, 1, 2));
        Tensor motions = FirstOrderMotion.sparseMotions(new Keypoints(source, identities(1, 1)), new Keypoints(driving, identities(1, 1)), 4, 6);
        assertArrayEquals(new int[] {1, 2, 4, 6, 2}, motions.shape(), "the background, then the keypoint");
        Tensor grid = Sampling.coordinateGrid(4, 6, DType.F64, Device.CPU);
        assertArrayEquals(grid.toDoubleArray(), motions.narrow(1, 0, 1).contiguous().toDoubleArray(), 1e-12, "the background stays");
        assertArrayEquals(grid.add(Tensor.of(new double[] {0.3, 0.05}, DType.F64, Device.CPU, 1, 1, 2)).toDoubleArray(),
                motions.narrow(1, 1, 1).contiguous().toDoubleArray(), 1e-12, "every pixel reads the source shifted by the keypoint's shift");
    }

    @Tag("task-11.3")
    @Test
    void aRotatedSourceJacobianRotatesTheNeighbourhood() {
        double angle = 0.4, cos = Math.cos(angle), sin = Math.sin(angle);
        Tensor at = Tensor.zeros(DType.F64, Device.CPU, 1, 1, 2);
        Tensor rotation = Tensor.of(new double[] {cos, -sin, sin, cos}, DType.F64, Device.CPU, 1, 1, 2, 2);
        Tensor motions = FirstOrderMotion.sparseMotions(new Keypoints(at, rotation), new Keypoints(at, identities(1, 1)), 2, 2);
        double[] m = motions.narrow(1, 1, 1).contiguous().toDoubleArray();
        // pixel (0, 0) of a 2×2 frame is at (−½, −½): it reads the source at the rotated point
        assertEquals(cos * -0.5 - sin * -0.5, m[0], 1e-12);
        assertEquals(sin * -0.5 + cos * -0.5, m[1], 1e-12);
    }

    @Test
    void aHeatmapPeaksAtItsPoint() {
        Tensor point = Tensor.of(new double[] {0.25, -0.25}, DType.F64, Device.CPU, 1, 1, 2); // the centre of pixel (1, 2) of 4×4
        double[] heat = FirstOrderMotion.heatmaps(point, 4, 4, 0.01).toDoubleArray();
        assertEquals(1, heat[1 * 4 + 2], 1e-12);
        assertEquals(Math.exp(-0.5 * 0.25 / 0.01), heat[1 * 4 + 1], 1e-12, "a pixel (0.5 away) along x");
    }
}
