package dev.masquerade.nn.layers;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.Trace;
import dev.masquerade.engine.ops.Normalization;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.Parameter;
import java.util.Map;

/**
 * Batch normalisation over the channel axis 1 of [N, C] (1-d) or [N, C, H, W] (2-d):
 * y = γ·(x − μ)/√(σ² + ε) + β. In training μ and σ² are the batch's (biased variance) and
 * running estimates are updated with momentum; in evaluation the running estimates are used.
 * Training normalises with {@link Normalization#batchNorm}, whose backward is written out.
 */
public final class BatchNorm extends Layer {
    /** PyTorch's default ε. */
    public static final double DEFAULT_EPS = 1e-5;
    /** PyTorch's default momentum of the running estimates. */
    public static final double DEFAULT_MOMENTUM = 0.1;
    private final Parameter gamma;
    private final Parameter beta;
    private final int channels;
    private final double eps;
    private final double momentum;

    /** Batch normalisation with PyTorch's defaults, ε = 1e-5 and momentum 0.1. */
    public BatchNorm(int channels) {
        this(channels, DEFAULT_EPS, DEFAULT_MOMENTUM);
    }

    /**
     * @param eps      added to the variance before the square root
     * @param momentum weight of each batch in the running estimates: r ← (1 − momentum)·r + momentum·batch
     */
    public BatchNorm(int channels, double eps, double momentum) {
        if (channels < 1 || eps < 0 || momentum < 0 || momentum > 1) {
            throw new IllegalArgumentException("BatchNorm: needs at least 1 channel, ε ≥ 0 and momentum in [0, 1], got " + channels + ", "
                    + eps + " and " + momentum);
        }
        this.channels = channels;
        this.eps = eps;
        this.momentum = momentum;
        this.gamma = parameter("weight", Tensor.ones(channels));
        this.beta = parameter("bias", Tensor.zeros(channels));
        buffer("running_mean", Tensor.zeros(channels));
        buffer("running_var", Tensor.ones(channels));
    }

    @Override
    public Tensor forward(Tensor x) {
        if ((x.rank() != 2 && x.rank() != 4) || x.size(1) != channels) {
            throw new IllegalArgumentException("BatchNorm(" + channels + "): needs [N, " + channels + "] or [N, " + channels
                    + ", H, W], got " + dev.masquerade.engine.array.Shape.str(x.shape()));
        }
        Tensor y;
        if (isTraining()) {
            Normalization.BatchStatistics batch = Normalization.batchNorm(x, gamma.value(), beta.value(), eps);
            y = batch.output();
            try (var scope = NoGrad.enter()) {
                double n = (double) x.numel() / channels;
                Tensor unbiased = batch.variance().reshape(channels).mul(n / Math.max(n - 1, 1));
                // in place: the buffers' memory outlives the step, the temporaries here do not
                buffer("running_mean").copyFrom(buffer("running_mean").mul(1 - momentum).add(batch.mean().reshape(channels).mul(momentum)));
                buffer("running_var").copyFrom(buffer("running_var").mul(1 - momentum).add(unbiased.mul(momentum)));
            }
        } else {
            int[] perChannel = x.rank() == 2 ? new int[] {1, channels} : new int[] {1, channels, 1, 1};
            Tensor mean = buffer("running_mean").reshape(perChannel);
            Tensor var = buffer("running_var").reshape(perChannel);
            y = x.sub(mean).div(var.add(eps).sqrt()).mul(gamma.value().reshape(perChannel)).add(beta.value().reshape(perChannel));
            // in evaluation batch normalisation is one operator of an exported graph, with the running statistics as inputs
            Trace.record("batchNorm", Map.of("eps", eps), y, x, gamma.value(), beta.value(), buffer("running_mean"), buffer("running_var"));
        }
        return y;
    }
}
