package dev.masquerade.tutorials;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chapter 2, broadcasting and its gradient: a [2, 3] matrix and a [3] row, added and multiplied. */
public final class BroadcastingChapter extends Chapter {
    static final double[] A = {1, 2, 3, 4, 5, 6};
    static final double[] B = {10, 20, 30};
    /** The upstream gradient dL/d(out) of L = Σ G ⊙ out. */
    static final double[] G = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};

    public BroadcastingChapter() {
        super(2, "Broadcasting and its gradient", "02-broadcasting.md");
    }

    // snippet: sum-to-shape
    /**
     * The gradient of a [cols] row broadcast over the rows of a [rows, cols] result: each copy
     * of b[j] received g[i][j], so b[j]'s gradient is the column sum Σᵢ g[i][j]. (The engine's
     * Arithmetic.sumToShape does this for any shapes: it sums over every broadcast axis.)
     */
    static double[] sumOverRows(double[] g, int rows, int cols) {
        double[] sum = new double[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                sum[j] += g[i * cols + j];
            }
        }
        return sum;
    }
    // end snippet

    // snippet: engine
    /** dL/db for L = Σ G ⊙ (A + b) and for L = Σ G ⊙ (A ⊙ b), by the engine's autograd. */
    static double[][] engineGradients() {
        Tensor a = Tensor.of(A, DType.F64, Device.CPU, 2, 3);
        Tensor g = Tensor.of(G, DType.F64, Device.CPU, 2, 3);
        double[] sum = Gradients.engine(b -> a.add(b).mul(g).sum(), B, 3);
        double[] product = Gradients.engine(b -> a.mul(b).mul(g).sum(), B, 3);
        return new double[][] {sum, product};
    }
    // end snippet

    @Override
    public Map<String, Double> numbers() {
        double[][] engine = engineGradients();
        double[] byHand = sumOverRows(G, 2, 3);
        double[] weighted = new double[6];
        for (int i = 0; i < 6; i++) {
            weighted[i] = G[i] * A[i];
        }
        double[] productByHand = sumOverRows(weighted, 2, 3);
        Map<String, Double> numbers = new LinkedHashMap<>();
        for (int j = 0; j < 3; j++) {
            numbers.put("db" + j, byHand[j]);
        }
        for (int j = 0; j < 3; j++) {
            numbers.put("db" + j + " product", productByHand[j]);
        }
        for (int j = 0; j < 3; j++) {
            numbers.put("engine db" + j, engine[0][j]);
            numbers.put("engine db" + j + " product", engine[1][j]);
        }
        return numbers;
    }
}
