package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.masquerade.engine.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Chapter 3: G·Bᵀ and Aᵀ·G are the central differences of Σ G ⊙ (A·B), for awkward shapes too. */
class MatmulChapterTest {
    private static double[] random(SplittableRandom random, int n) {
        return random.doubles(n, -2, 2).toArray();
    }

    @Test
    void theFormulasAreTheGradients() {
        SplittableRandom random = new SplittableRandom(3);
        int[][] shapes = {{2, 3, 2}, {1, 7, 1}, {5, 3, 4}, {3, 1, 6}};
        for (int[] s : shapes) {
            int m = s[0], k = s[1], n = s[2];
            double[] av = random(random, m * k), bv = random(random, k * n), gv = random(random, m * n);
            Tensor a = MatmulChapter.matrix(av, m, k), b = MatmulChapter.matrix(bv, k, n), g = MatmulChapter.matrix(gv, m, n);
            Tensor[] formulas = MatmulChapter.byTheFormulas(a, b, g);
            assertArrayEquals(Gradients.numeric(x -> x.matmul(b).mul(g).sum(), av, m, k), formulas[0].toDoubleArray(), 1e-7);
            assertArrayEquals(Gradients.numeric(x -> a.matmul(x).mul(g).sum(), bv, k, n), formulas[1].toDoubleArray(), 1e-7);
        }
    }
}
