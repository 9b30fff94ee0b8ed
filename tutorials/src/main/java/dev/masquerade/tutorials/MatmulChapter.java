package dev.masquerade.tutorials;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chapter 3, the matmul gradient: C = A·B with A [2, 3], B [3, 2], and L = Σ G ⊙ C. */
public final class MatmulChapter extends Chapter {
    static final double[] A = {1, 2, 3, 4, 5, 6};
    static final double[] B = {1, -1, 0, 2, 3, 1};
    static final double[] G = {1, 2, 0, 1};

    public MatmulChapter() {
        super(3, "The matmul gradient", "03-matmul.md");
    }

    // snippet: formulas
    /** dL/dA = G·Bᵀ and dL/dB = Aᵀ·G, with the engine's matmul and transposed views. */
    static Tensor[] byTheFormulas(Tensor a, Tensor b, Tensor g) {
        return new Tensor[] {g.matmul(b.transpose(0, 1)), a.transpose(0, 1).matmul(g)};
    }
    // end snippet

    static Tensor matrix(double[] values, int rows, int cols) {
        return Tensor.of(values, DType.F64, Device.CPU, rows, cols);
    }

    @Override
    public Map<String, Double> numbers() {
        Tensor a = matrix(A, 2, 3), b = matrix(B, 3, 2), g = matrix(G, 2, 2);
        double[] c = a.matmul(b).toDoubleArray();
        Tensor[] formulas = byTheFormulas(a, b, g);
        double[] dA = formulas[0].toDoubleArray(), dB = formulas[1].toDoubleArray();
        double[] engineA = Gradients.engine(x -> x.matmul(b).mul(g).sum(), A, 2, 3);
        Map<String, Double> numbers = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            numbers.put("C" + i, c[i]);
        }
        for (int i = 0; i < 6; i++) {
            numbers.put("dA" + i, dA[i]);
        }
        for (int i = 0; i < 6; i++) {
            numbers.put("dB" + i, dB[i]);
        }
        numbers.put("engine dA max difference", maxDifference(engineA, dA));
        return numbers;
    }

    static double maxDifference(double[] x, double[] y) {
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs(x[i] - y[i]));
        }
        return max;
    }
}
