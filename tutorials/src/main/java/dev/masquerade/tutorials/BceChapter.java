package dev.masquerade.tutorials;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.loss.Losses;
import dev.masquerade.nn.loss.Reduction;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chapter 7, binary cross-entropy on probabilities, through the sigmoid: one logit x = 2 with label 1. */
public final class BceChapter extends Chapter {
    static final double LOGIT = 2;
    static final double LABEL = 1;

    public BceChapter() {
        super(7, "Binary cross-entropy on probabilities", "07-bce.md");
    }

    // snippet: chain
    /** dL/dx through p = σ(x): dL/dp · dp/dx = (p − t)/(p(1 − p)) · p(1 − p) = p − t. */
    static double[] throughTheSigmoid(double x, double t) {
        double p = 1 / (1 + Math.exp(-x));
        double loss = -(t * Math.log(p) + (1 - t) * Math.log(1 - p));
        double dLdp = (p - t) / (p * (1 - p));
        double dpdx = p * (1 - p);
        return new double[] {p, loss, dLdp, dpdx, dLdp * dpdx};
    }
    // end snippet

    @Override
    public Map<String, Double> numbers() {
        double[] v = throughTheSigmoid(LOGIT, LABEL);
        Tensor label = Tensor.of(new double[] {LABEL}, DType.F64, Device.CPU, 1);
        double engine = Gradients.engine(x -> Losses.bce(x.sigmoid(), label, Reduction.MEAN, null), new double[] {LOGIT}, 1)[0];
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("p", v[0]);
        numbers.put("L", v[1]);
        numbers.put("dL/dp", v[2]);
        numbers.put("dp/dx", v[3]);
        numbers.put("dL/dx", v[4]);
        numbers.put("engine dL/dx", engine);
        numbers.put("float32 p at x = 17", (double) (1 / (1 + (float) Math.exp(-17.0f))));
        numbers.put("clamped loss at x = -40", Losses.bce(Tensor.of(new double[] {-40}, DType.F64, Device.CPU, 1).sigmoid(), label,
                Reduction.MEAN, null).item());
        return numbers;
    }
}
