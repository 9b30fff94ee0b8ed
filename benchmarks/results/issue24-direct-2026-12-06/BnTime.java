import dev.masquerade.engine.Memory;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.layers.BatchNorm;
import java.util.Arrays;

/** The BatchNorm layer's forward and backward in training, [n, c, h, w], median of 25 calls after 15. */
public class BnTime {
    public static void main(String[] args) {
        Rng rng = new Rng(0);
        for (String spec : args) {
            int[] p = Arrays.stream(spec.split(",")).mapToInt(Integer::parseInt).toArray();
            BatchNorm layer = new BatchNorm(p[1]);
            Tensor x = Tensor.randn(rng, p).requiresGrad(true);
            Tensor gy = Tensor.randn(rng, p);
            double[] t = new double[25];
            for (int it = 0; it < 40; it++) {
                long t0 = System.nanoTime();
                try (Memory.Scope m = Memory.scope()) {
                    x.zeroGrad();
                    layer.zeroGrad();
                    layer.forward(x).backward(gy);
                    x.grad().reshape(-1).narrow(0, 0, 1).item();
                }
                if (it >= 15) t[it - 15] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(t);
            System.out.printf("%-14s %6.2f ms%n", spec, t[12]);
        }
    }
}
