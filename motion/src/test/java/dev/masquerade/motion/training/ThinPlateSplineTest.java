package dev.masquerade.motion.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The random warps of the equivariance losses: their written-out Jacobian is their derivative, and no noise is no warp. */
class ThinPlateSplineTest {
    @Tag("task-11.4")
    @Test
    void theJacobianIsTheWarpsDerivative() {
        ThinPlateSpline warp = ThinPlateSpline.random(2, 0.1, 0.05, 5, new Rng(3), DType.F64, Device.CPU);
        Tensor points = Tensor.rand(new Rng(4), 2, 7, 2).to(DType.F64).mul(1.8).sub(0.9);
        double[] jacobian = warp.jacobian(points).toDoubleArray();
        double h = 1e-6;
        for (int axis = 0; axis < 2; axis++) {
            double[] step = new double[2 * 7 * 2];
            for (int i = axis; i < step.length; i += 2) {
                step[i] = h;
            }
            Tensor delta = Tensor.of(step, DType.F64, Device.CPU, 2, 7, 2);
            double[] ahead = warp.warp(points.add(delta)).toDoubleArray(), behind = warp.warp(points.sub(delta)).toDoubleArray();
            for (int q = 0; q < 14; q++) {
                for (int row = 0; row < 2; row++) {
                    double numeric = (ahead[2 * q + row] - behind[2 * q + row]) / (2 * h);
                    assertEquals(numeric, jacobian[4 * q + 2 * row + axis], 1e-6, "∂T" + row + "/∂z" + axis + " at point " + q);
                }
            }
        }
    }

    @Test
    void withoutNoiseTheWarpChangesNothing() {
        ThinPlateSpline none = ThinPlateSpline.random(2, 0, 0, 5, new Rng(3), DType.F64, Device.CPU);
        Tensor frames = Tensor.rand(new Rng(5), 2, 3, 8, 8).to(DType.F64);
        assertArrayEquals(frames.toDoubleArray(), none.warpFrames(frames).toDoubleArray(), 1e-12);
    }
}
