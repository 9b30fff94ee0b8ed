package dev.masquerade.motion.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.masquerade.engine.Rng;
import org.junit.jupiter.api.Test;

/** The least-squares map that asks whether keypoints carry the landmarks: it recovers an exact affine relation. */
class LinearMapTest {
    @Test
    void anExactAffineRelationIsFoundAgain() {
        Rng rng = new Rng(8);
        double[][] x = new double[50][3], y = new double[50][2];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = rng.uniform(-1, 1);
            }
            y[i][0] = 2 * x[i][0] - x[i][2] + 0.5;
            y[i][1] = 0.3 * x[i][1] - 1;
        }
        LinearMap map = LinearMap.fit(x, y, 1e-9);
        assertArrayEquals(new double[] {2 * 0.1 - 0.4 + 0.5, 0.3 * 0.2 - 1}, map.apply(new double[] {0.1, 0.2, 0.4}), 1e-6);
    }
}
