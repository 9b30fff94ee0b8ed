package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Tensor;
import dev.masquerade.gan.GanLoss;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Chapters 16 and 17: the LSGAN, hinge and Wasserstein gradients against central differences and their key results. */
class GanLossChaptersTest {
    private final SplittableRandom random = new SplittableRandom(17);

    /** Scores away from the hinge corners at ±1, where central differences straddle a kink. */
    private double[] scores(int n) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            do {
                s[i] = random.nextDouble(-3, 3);
            } while (Math.abs(Math.abs(s[i]) - 1) < 0.01);
        }
        return s;
    }

    private static void agree(Function<Tensor, Tensor> loss, double[] at) {
        assertArrayEquals(Gradients.numeric(loss, at, at.length, 1), Gradients.engine(loss, at, at.length, 1), 1e-7);
    }

    /** A critic's loss agrees with central differences in its real scores and in its fake scores. */
    private static void bothSidesAgree(BiFunction<Tensor, Tensor, Tensor> critic, double[] real, double[] fake) {
        Tensor r = HingeChapter.scores(real), f = HingeChapter.scores(fake);
        agree(x -> critic.apply(x, f), real);
        agree(x -> critic.apply(r, x), fake);
    }

    @Test
    void lsganGradientsAreTheResiduals() {
        for (int trial = 0; trial < 10; trial++) {
            double[] real = scores(4), fake = scores(4);
            bothSidesAgree((r, f) -> GanLoss.LSGAN.discriminator(r, f, 0.1), real, fake);
            double[] g = Gradients.engine(GanLoss.LSGAN::generator, fake, 4, 1);
            for (int i = 0; i < 4; i++) {
                assertEquals((fake[i] - 1) / 4, g[i], 1e-12);
            }
        }
    }

    @Test
    void lsgansOptimalDiscriminatorMinimisesItsLoss() {
        double[] data = MinimaxChapter.DATA, generator = MinimaxChapter.GENERATOR;
        double[] best = LsganChapter.optimalDiscriminator(data, generator, 0, 1);
        Function<double[], Double> loss = d -> {
            double sum = 0;
            for (int x = 0; x < 3; x++) {
                sum += 0.5 * data[x] * (d[x] - 1) * (d[x] - 1) + 0.5 * generator[x] * d[x] * d[x];
            }
            return sum;
        };
        for (int x = 0; x < 3; x++) {
            double[] up = best.clone(), down = best.clone();
            up[x] += 0.01;
            down[x] -= 0.01;
            assertTrue(loss.apply(up) > loss.apply(best) && loss.apply(down) > loss.apply(best));
        }
    }

    @Test
    void hingeAndWassersteinCriticsAndTheGenerator() {
        for (int trial = 0; trial < 10; trial++) {
            double[] real = scores(5), fake = scores(5);
            bothSidesAgree((r, f) -> GanLoss.HINGE.discriminator(r, f, 0), real, fake);
            bothSidesAgree(HingeChapter::wassersteinCritic, real, fake);
            agree(GanLoss.HINGE::generator, fake);
        }
    }
}
