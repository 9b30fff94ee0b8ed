import dev.masquerade.engine.Memory;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import java.util.Arrays;

/**
 * One convolution layer's forward, weight-gradient and input-gradient times, each the median of
 * 25 calls after 15 warm-up calls: the weight gradient is (forward + backward without the input's
 * gradient) minus the forward, the input gradient the rest. Arguments: layers as
 * "batch,channels,filters,kernel,size" (square, stride 1, padding kernel/2). Its PyTorch twin is
 * parts.py; run.sh runs both.
 */
public class Parts {
    public static void main(String[] args) {
        Rng rng = new Rng(0);
        for (String spec : args) { // n,ci,co,k,s
            int[] p = Arrays.stream(spec.split(",")).mapToInt(Integer::parseInt).toArray();
            int n = p[0], ci = p[1], co = p[2], k = p[3], s = p[4];
            Tensor w = Tensor.randn(rng, co, ci, k, k).mul(0.05).detach().requiresGrad(true);
            Tensor b = Tensor.zeros(co).requiresGrad(true);
            Tensor gy = Tensor.randn(rng, n, co, s, s);
            Tensor x0 = Tensor.randn(rng, n, ci, s, s);
            double f = time(() -> { try (var ng = NoGrad.enter()) { x0.conv2d(w, b, 1, k / 2, 1).reshape(-1).narrow(0, 0, 1).item(); } });
            Tensor x1 = Tensor.randn(rng, n, ci, s, s);
            double fw = time(() -> { w.zeroGrad(); b.zeroGrad(); x1.conv2d(w, b, 1, k / 2, 1).backward(gy); w.grad().reshape(-1).narrow(0, 0, 1).item(); });
            Tensor x2 = Tensor.randn(rng, n, ci, s, s).requiresGrad(true);
            double fwi = time(() -> { w.zeroGrad(); b.zeroGrad(); x2.zeroGrad(); x2.conv2d(w, b, 1, k / 2, 1).backward(gy); w.grad().reshape(-1).narrow(0, 0, 1).item(); });
            double flops = 2.0 * n * co * ci * k * k * s * s;
            System.out.printf("%-18s fwd %6.2f (%4.0f GF)  wgrad %6.2f (%4.0f GF)  igrad %6.2f (%4.0f GF)%n", spec, f, flops / f / 1e6,
                    fw - f, flops / (fw - f) / 1e6, fwi - fw, flops / (fwi - fw) / 1e6);
        }
    }

    /** The median of 25 timed calls in ms, after 15 untimed ones. */
    static double time(Runnable body) {
        double[] t = new double[25];
        for (int it = 0; it < 40; it++) {
            long t0 = System.nanoTime();
            try (Memory.Scope m = Memory.scope()) { body.run(); }
            if (it >= 15) t[it - 15] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return t[12];
    }
}
