package dev.masquerade.nn.loss;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Shape;

/**
 * Loss functions. Each computes per-element losses with differentiable tensor operations (so
 * autograd derives every gradient) and reduces them. The optional {@code weight} broadcasts
 * against the per-element losses. For {@link #mse} and {@link #l1} it is usually a 0/1 mask
 * that restricts the loss to a region (a face, say), so their mean is over the weights (the
 * mean inside the mask; PyTorch's versions take no weight). For {@link #bce} and
 * {@link #bceWithLogits} it rescales each element as PyTorch's {@code weight=} does, and the
 * mean divides by the number of elements, as PyTorch's does. Tutorials:
 * tutorials/05-mse.md to tutorials/09-softmax-cross-entropy.md derive each gradient.
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
        return reduce(diff.mul(diff), reduction, weight, true);
    }

    /** Mean squared error, plain mean. */
    public static Tensor mse(Tensor prediction, Tensor target) {
        return mse(prediction, target, Reduction.MEAN, null);
    }

    /** Mean absolute error, |p − t|. Gradient sign(p − t): robust to outliers, sharper images than MSE. */
    public static Tensor l1(Tensor prediction, Tensor target, Reduction reduction, Tensor weight) {
        check("l1", prediction, target);
        return reduce(prediction.sub(target).abs(), reduction, weight, true);
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
        return reduce(perElement, reduction, weight, false);
    }

    /**
     * Binary cross-entropy on logits x: BCE(σ(x), t) = softplus(x) − t·x, stable for any x.
     * Gradient σ(x) − t.
     */
    public static Tensor bceWithLogits(Tensor logits, Tensor target, Reduction reduction, Tensor weight) {
        check("bceWithLogits", logits, target);
        return reduce(logits.softplus().sub(target.mul(logits)), reduction, weight, false);
    }

    /**
     * Binary cross-entropy on logits with the positive term weighted by {@code posWeight}
     * (broadcast against the logits, usually one per class: PyTorch's {@code pos_weight=}, for
     * positives rarer than negatives): −[p·t·log σ(x) + (1 − t)·log(1 − σ(x))]
     * = (1 − t)·x + (1 + (p − 1)·t)·softplus(−x), stable for any x. With p = 1 it is the loss above.
     */
    public static Tensor bceWithLogits(Tensor logits, Tensor target, Reduction reduction, Tensor weight, Tensor posWeight) {
        check("bceWithLogits", logits, target);
        Tensor scale = posWeight.sub(1).mul(target).add(1);
        return reduce(target.rsub(1).mul(logits).add(scale.mul(logits.neg().softplus())), reduction, weight, false);
    }

    /** Binary cross-entropy on logits, plain mean. */
    public static Tensor bceWithLogits(Tensor logits, Tensor target) {
        return bceWithLogits(logits, target, Reduction.MEAN, null);
    }

    /**
     * Softmax cross-entropy of logits [N, C] against class indices [N] (I32), the mean over the
     * samples: −log softmax(x)[target] = logsumexp(x) − x[target]. Gradient softmax(x) −
     * onehot(target). {@link CrossEntropy} adds class weights, an ignored index and label smoothing.
     */
    public static Tensor crossEntropy(Tensor logits, Tensor targets) {
        return CrossEntropy.DEFAULT.loss(logits, targets);
    }

    private static void check(String name, Tensor prediction, Tensor target) {
        if (!java.util.Arrays.equals(prediction.shape(), target.shape())) {
            throw new IllegalArgumentException(name + ": prediction " + Shape.str(prediction.shape()) + " and target "
                    + Shape.str(target.shape()) + " must have the same shape");
        }
    }

    /**
     * Applies the reduction, weighting each element when weight is given; a weighted mean
     * divides by the sum of the weights ({@code meanOverWeights}: a mask's region) or by the
     * number of elements (PyTorch's rescaling weights).
     */
    static Tensor reduce(Tensor perElement, Reduction reduction, Tensor weight, boolean meanOverWeights) {
        // BEGIN SOLUTION task-5.1: weight each element (when weight is given), then reduce: none, the sum, or the mean, which over a mask divides by the mask's total weight instead of the element count (see tutorials/12-masked-losses.md)
        Tensor weighted = weight == null ? perElement : perElement.mul(weight);
        return switch (reduction) {
            case NONE -> weighted;
            case SUM -> weighted.sum();
            case MEAN -> weight == null || !meanOverWeights ? weighted.mean() : weighted.sum().div(weight.expand(perElement.shape()).sum());
        };
        // END SOLUTION
    }
}
