package dev.masquerade.tutorials;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.gan.GanLoss;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Chapter 17, hinge and Wasserstein losses: the critic's gradient for two real and two fake scores. */
public final class HingeChapter extends Chapter {
    static final double[] REAL = {2.0, 0.5};
    static final double[] FAKE = {-3.0, 0.0};

    public HingeChapter() {
        super(17, "Hinge and Wasserstein losses", "17-hinge-wasserstein.md");
    }

    // snippet: critic
    /** The Wasserstein critic's loss: −(mean score of real − mean score of fake), minimised by the critic. */
    static Tensor wassersteinCritic(Tensor real, Tensor fake) {
        return fake.mean().sub(real.mean());
    }
    // end snippet

    static Tensor scores(double[] values) {
        return Tensor.of(values, DType.F64, Device.CPU, values.length, 1);
    }

    /** d(critic loss)/d(real scores) and d/d(fake scores), by the engine's autograd. */
    static double[][] gradients(java.util.function.BiFunction<Tensor, Tensor, Tensor> loss) {
        Function<Tensor, Tensor> ofReal = r -> loss.apply(r, scores(FAKE));
        Function<Tensor, Tensor> ofFake = f -> loss.apply(scores(REAL), f);
        return new double[][] {Gradients.engine(ofReal, REAL, 2, 1), Gradients.engine(ofFake, FAKE, 2, 1)};
    }

    @Override
    public Map<String, Double> numbers() {
        double[][] hinge = gradients((r, f) -> GanLoss.HINGE.discriminator(r, f, 0));
        double[][] wasserstein = gradients(HingeChapter::wassersteinCritic);
        double[] generator = Gradients.engine(GanLoss.HINGE::generator, FAKE, 2, 1);
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("hinge D loss", GanLoss.HINGE.discriminator(scores(REAL), scores(FAKE), 0).item());
        numbers.put("hinge dr0", hinge[0][0]);
        numbers.put("hinge dr1", hinge[0][1]);
        numbers.put("hinge df0", hinge[1][0]);
        numbers.put("hinge df1", hinge[1][1]);
        numbers.put("hinge G loss", GanLoss.HINGE.generator(scores(FAKE)).item());
        numbers.put("hinge G df", generator[0]);
        numbers.put("wasserstein loss", wassersteinCritic(scores(REAL), scores(FAKE)).item());
        numbers.put("wasserstein dr", wasserstein[0][0]);
        numbers.put("wasserstein df", wasserstein[1][0]);
        return numbers;
    }
}
