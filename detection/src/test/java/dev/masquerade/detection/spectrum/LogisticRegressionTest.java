package dev.masquerade.detection.spectrum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Logistic regression: its gradient is Xᵀ(σ(Xw + b) − y)/N + 2λw, and fitting it separates what a line can separate. */
class LogisticRegressionTest {
    private final Rng rng = new Rng(5);

    /** n points of each class in 3 dimensions; the fakes sit 3 units further along the first axis. */
    private Tensor points(int n) {
        Tensor real = Tensor.randn(rng, DType.F64, Device.CPU, n, 3);
        Tensor fake = Tensor.randn(rng, DType.F64, Device.CPU, n, 3).add(Tensor.of(new double[] {3, 0, 0}, DType.F64, 1, 3));
        return Tensor.concat(java.util.List.of(real, fake), 0);
    }

    private static Tensor labels(int n) {
        double[] y = new double[2 * n];
        java.util.Arrays.fill(y, n, 2 * n, 1);
        return Tensor.of(y, DType.F64, 2 * n, 1);
    }

    @Test
    @Tag("task-10.4")
    void autogradFindsTheGradientTheChapterDerives() {
        Tensor x = points(20), y = labels(20);
        LogisticRegression model = new LogisticRegression(3);
        model.fit(x, y, 3, 0.3, 0); // away from zero, so that every term of the gradient shows
        double l2 = 0.1;
        model.zeroGrad();
        model.loss(x, y, l2).backward();
        Tensor w = model.namedParameters().get("weight").value();
        Tensor residual = model.logits(x).sigmoid().sub(y); // σ(Xw + b) − y
        Tensor expectedW = x.transpose(0, 1).matmul(residual).mul(1.0 / 40).add(w.mul(2 * l2));
        assertArrayEquals(expectedW.toDoubleArray(), model.namedParameters().get("weight").grad().toDoubleArray(), 1e-12);
        assertEquals(residual.mean().item(), model.namedParameters().get("bias").grad().item(), 1e-12);
    }

    @Test
    @Tag("task-10.4")
    void fittingSeparatesTwoCloudsAlongTheAxisThatDividesThem() {
        Tensor x = points(200), y = labels(200);
        LogisticRegression model = new LogisticRegression(3);
        double start = model.loss(x, y, 0).item();
        double end = model.fit(x, y, 500, 0.1, 0);
        assertEquals(Math.log(2), start, 1e-12, "all weights zero: every probability ½, a loss of log 2");
        // the clouds overlap: the best a line can do is the log-odds of the two Gaussians, 3·x₁ − 4.5
        Tensor bestLogOdds = x.narrow(1, 0, 1).mul(3).sub(4.5);
        double best = dev.masquerade.nn.loss.Losses.bceWithLogits(bestLogOdds, y).item();
        assertTrue(end < best + 0.005, "loss after fitting " + end + ", the true log-odds' loss " + best);
        double[] weights = model.weights();
        assertTrue(weights[0] > 5 * Math.abs(weights[1]) && weights[0] > 5 * Math.abs(weights[2]), java.util.Arrays.toString(weights));
        double[] p = model.logits(x).sigmoid().toDoubleArray();
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            right += (p[i] >= 0.5) == (i >= 200) ? 1 : 0;
        }
        assertTrue(right > 0.9 * p.length, right + " of " + p.length + " right");
    }

    @Test
    void aWrongNumberOfFeaturesIsNamed() {
        var error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new LogisticRegression(3).logits(Tensor.zeros(DType.F64, Device.CPU, 2, 4)));
        assertEquals("logistic regression of 3 features: input [2, 4] must be [N, 3]", error.getMessage());
    }
}
