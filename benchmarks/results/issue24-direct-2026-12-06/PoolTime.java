import dev.masquerade.engine.Memory;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import java.util.Arrays;

/** 2×2 average pooling forward of [n, c, h, w], median of 25 calls after 15. */
public class PoolTime {
    public static void main(String[] args) {
        Rng rng = new Rng(0);
        for (String spec : args) {
            int[] p = Arrays.stream(spec.split(",")).mapToInt(Integer::parseInt).toArray();
            Tensor x = Tensor.randn(rng, p);
            double[] t = new double[25];
            for (int it = 0; it < 40; it++) {
                long t0 = System.nanoTime();
                try (Memory.Scope m = Memory.scope(); var ng = NoGrad.enter()) {
                    x.avgPool2d(2).reshape(-1).narrow(0, 0, 1).item();
                }
                if (it >= 15) t[it - 15] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(t);
            System.out.printf("%-14s %6.3f ms%n", spec, t[12]);
        }
    }
}
