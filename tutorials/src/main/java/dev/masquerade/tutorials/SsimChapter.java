package dev.masquerade.tutorials;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chapter 11, SSIM and DSSIM: one window of four pixels, statistics with equal weights. */
public final class SsimChapter extends Chapter {
    static final double[] X = {0.2, 0.4, 0.6, 0.8};
    static final double[] Y = {0.1, 0.5, 0.5, 0.9};
    static final double C1 = 0.01 * 0.01;
    static final double C2 = 0.03 * 0.03;

    public SsimChapter() {
        super(11, "SSIM, DSSIM and their gradient", "11-ssim.md");
    }

    // snippet: ssim
    /** SSIM of one window with equal weights, as engine tensor operations (so autograd can differentiate it). */
    static Tensor ssim(Tensor x, Tensor y) {
        Tensor muX = x.mean(), muY = y.mean();
        Tensor varX = x.mul(x).mean().sub(muX.mul(muX));
        Tensor varY = y.mul(y).mean().sub(muY.mul(muY));
        Tensor cov = x.mul(y).mean().sub(muX.mul(muY));
        Tensor luminance = muX.mul(muY).mul(2).add(C1).div(muX.mul(muX).add(muY.mul(muY)).add(C1));
        Tensor structure = cov.mul(2).add(C2).div(varX.add(varY).add(C2));
        return luminance.mul(structure);
    }

    /** The key result: dSSIM/dyᵢ = SSIM·(2/n)·[μₓ/A₁ + (xᵢ − μₓ)/A₂ − μᵧ/B₁ − (yᵢ − μᵧ)/B₂]. */
    static double[] gradient(double[] x, double[] y) {
        int n = x.length;
        double muX = mean(x), muY = mean(y), varX = 0, varY = 0, cov = 0;
        for (int i = 0; i < n; i++) {
            varX += (x[i] - muX) * (x[i] - muX) / n;
            varY += (y[i] - muY) * (y[i] - muY) / n;
            cov += (x[i] - muX) * (y[i] - muY) / n;
        }
        double a1 = 2 * muX * muY + C1, a2 = 2 * cov + C2, b1 = muX * muX + muY * muY + C1, b2 = varX + varY + C2;
        double ssim = a1 * a2 / (b1 * b2);
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = ssim * 2.0 / n * (muX / a1 + (x[i] - muX) / a2 - muY / b1 - (y[i] - muY) / b2);
        }
        return g;
    }
    // end snippet

    static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d / v.length;
        }
        return s;
    }

    static Tensor vector(double[] v) {
        return Tensor.of(v, DType.F64, Device.CPU, v.length);
    }

    @Override
    public Map<String, Double> numbers() {
        Tensor x = vector(X);
        double[] byHand = gradient(X, Y);
        double[] engine = Gradients.engine(y -> ssim(x, y), Y, 4);
        double[] dssim = Gradients.engine(y -> ssim(x, y).neg().add(1).div(2), Y, 4);
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("muX", mean(X));
        numbers.put("muY", mean(Y));
        numbers.put("SSIM", ssim(x, vector(Y)).item());
        numbers.put("DSSIM", (1 - ssim(x, vector(Y)).item()) / 2);
        for (int i = 0; i < 4; i++) {
            numbers.put("dSSIM/dy" + i, byHand[i]);
        }
        numbers.put("engine max difference", MatmulChapter.maxDifference(engine, byHand));
        numbers.put("dDSSIM/dy0", dssim[0]);
        numbers.put("SSIM with itself", ssim(x, x).item());
        numbers.put("SSIM of x + 0.1", ssim(x, vector(new double[] {0.3, 0.5, 0.7, 0.9})).item());
        return numbers;
    }
}
