package dev.masquerade.nn.loss;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Shape;

/**
 * Loss functions. Each computes per-element losses with differentiable tensor operations (so
 * autograd derives every gradient) and reduces them. The optional {@code weight} broadcasts
 * against the per-element losses: element weights, or a 0/1 mask that restricts the loss to
 * a region (a face, say). Tutorials: tutorials/05-mse.md to tutorials/09-softmax-cross-entropy.md derive each gradient.
 */
public final class Losses {
    /** Probabilities are clamped to [ε, 1 − ε] before the logarithm in {@link #bce}. */
    public static final double BCE_EPSILON = 1e-7;

    private Losses() {
    }

    /** Mean squared error, (p − t)². Gradient 2(p − t). */
    public static Tensor mse(Tensor prediction, Tensor target, Reduction reduction, Tensor weight) {
        check("mse", prediction, target);
        Tensor diff = prediction.sub(target);
        return reduce(diff.mul(diff), reduction, weight);
    }

    /** Mean squared error, plain mean. */
    public static Tensor mse(Tensor prediction, Tensor target) {
        return mse(prediction, target, Reduction.MEAN, null);
    }

    /** Mean absolute error, |p − t|. Gradient sign(p − t): robust to outliers, sharper images than MSE. */
    public static Tensor l1(Tensor prediction, Tensor target, Reduction reduction, Tensor weight) {
        check("l1", prediction, target);
        return reduce(prediction.sub(target).abs(), reduction, weight);
    }

    /** Mean absolute error, plain mean. */
    public static Tensor l1(Tensor prediction, Tensor target) {
        return l1(prediction, target, Reduction.MEAN, null);
    }

    /**
     * Binary cross-entropy on probabilities, −[t·log p + (1 − t)·log(1 − p)]. p is clamped to
     * [ε, 1 − ε] so that a saturated prediction gives a large but finite loss. Prefer
     * {@link #bceWithLogits}, which never needs the clamp.
     */
    public static Tensor bce(Tensor probability, Tensor target, Reduction reduction, Tensor weight) {
        check("bce", probability, target);
        Tensor p = probability.clamp(BCE_EPSILON, 1 - BCE_EPSILON);
        Tensor perElement = target.mul(p.log()).add(target.neg().add(1).mul(p.neg().add(1).log())).neg();
        return reduce(perElement, reduction, weight);
    }

    /**
     * Binary cross-entropy on logits x: BCE(σ(x), t) = softplus(x) − t·x, stable for any x.
     * Gradient σ(x) − t.
     */
    public static Tensor bceWithLogits(Tensor logits, Tensor target, Reduction reduction, Tensor weight) {
        check("bceWithLogits", logits, target);
        return reduce(logits.softplus().sub(target.mul(logits)), reduction, weight);
    }

    /** Binary cross-entropy on logits, plain mean. */
    public static Tensor bceWithLogits(Tensor logits, Tensor target) {
        return bceWithLogits(logits, target, Reduction.MEAN, null);
    }

    /**
     * Softmax cross-entropy of logits [N, C] against class indices [N] (I32):
     * −log softmax(x)[target] = logsumexp(x) − x[target]. Gradient softmax(x) − onehot(target).
     */
    public static Tensor crossEntropy(Tensor logits, Tensor targets, Reduction reduction, Tensor weight) {
        if (logits.rank() != 2 || targets.rank() != 1 || targets.size(0) != logits.size(0) || targets.dtype() != DType.I32) {
            throw new IllegalArgumentException("crossEntropy: needs logits [N, C] and I32 class indices [N], got "
                    + Shape.str(logits.shape()) + " and " + targets.dtype() + Shape.str(targets.shape()));
        }
        Tensor picked = logits.logSoftmax(1).gather(1, targets.reshape(targets.size(0), 1)).reshape(targets.size(0));
        return reduce(picked.neg(), reduction, weight);
    }

    /** Softmax cross-entropy, plain mean. */
    public static Tensor crossEntropy(Tensor logits, Tensor targets) {
        return crossEntropy(logits, targets, Reduction.MEAN, null);
    }

    private static void check(String name, Tensor prediction, Tensor target) {
        if (!java.util.Arrays.equals(prediction.shape(), target.shape())) {
            throw new IllegalArgumentException(name + ": prediction " + Shape.str(prediction.shape()) + " and target "
                    + Shape.str(target.shape()) + " must have the same shape");
        }
    }

    /** Applies the reduction, weighting each element when weight is given. */
    static Tensor reduce(Tensor perElement, Reduction reduction, Tensor weight) {
        Tensor weighted = weight == null ? perElement : perElement.mul(weight);
        return switch (reduction) {
            case NONE -> weighted;
            case SUM -> weighted.sum();
            case MEAN -> weight == null ? weighted.mean() : weighted.sum().div(weight.expand(perElement.shape()).sum());
        };
    }
}
