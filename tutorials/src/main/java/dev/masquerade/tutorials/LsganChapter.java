package dev.masquerade.tutorials;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.gan.GanLoss;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chapter 16, least-squares GAN: the optimal discriminator on chapter 13's world, and gradients that never saturate. */
public final class LsganChapter extends Chapter {

    public LsganChapter() {
        super(16, "Least-squares GAN", "16-lsgan.md");
    }
    // snippet: optimal
    /** The D minimising ½·Σ p_data·(D − b)² + ½·Σ p_g·(D − a)²: D*(x) = (b·p_data + a·p_g)/(p_data + p_g). */
    static double[] optimalDiscriminator(double[] data, double[] generator, double a, double b) {
        double[] d = new double[data.length];
        for (int x = 0; x < d.length; x++) {
            d[x] = (b * data[x] + a * generator[x]) / (data[x] + generator[x]);
        }
        return d;
    }
    // end snippet

    /** d(loss)/d(score) for one score, by the engine's autograd through GanLoss.LSGAN. */
    static double generatorGradient(double score) {
        return Gradients.engine(GanLoss.LSGAN::generator, new double[] {score}, 1, 1)[0];
    }

    static double[] discriminatorGradients(double real, double fake) {
        Tensor fakeScore = Tensor.of(new double[] {fake}, DType.F64, Device.CPU, 1, 1);
        double dReal = Gradients.engine(r -> GanLoss.LSGAN.discriminator(r, fakeScore, 0), new double[] {real}, 1, 1)[0];
        Tensor realScore = Tensor.of(new double[] {real}, DType.F64, Device.CPU, 1, 1);
        double dFake = Gradients.engine(f -> GanLoss.LSGAN.discriminator(realScore, f, 0), new double[] {fake}, 1, 1)[0];
        return new double[] {dReal, dFake};
    }

    @Override
    public Map<String, Double> numbers() {
        double[] best = optimalDiscriminator(MinimaxChapter.DATA, MinimaxChapter.GENERATOR, 0, 1);
        double[] d = discriminatorGradients(0.3, 0.6);
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("D*(1)", best[0]);
        numbers.put("D*(2)", best[1]);
        numbers.put("D*(3)", best[2]);
        numbers.put("dD real", d[0]);
        numbers.put("dD fake", d[1]);
        numbers.put("generator gradient at -4.595", generatorGradient(-4.595));
        numbers.put("generator gradient at 0.5", generatorGradient(0.5));
        numbers.put("generator gradient at 3", generatorGradient(3));
        return numbers;
    }
}
