package dev.masquerade.nn.loss;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Shape;

/**
 * Softmax cross-entropy of logits [N, C] against class indices [N] (I32), with PyTorch's
 * options of the same names: per-class {@link #weight}, an {@link #ignoreIndex} whose samples
 * count for nothing, and {@link #labelSmoothing}. Each setter returns a changed copy:
 * {@code CrossEntropy.DEFAULT.weight(w).labelSmoothing(0.1).loss(logits, labels)}.
 *
 * <p>Per sample i with label y and log-probabilities ℓ = logSoftmax(x):
 * loss_i = (1 − ε)·w_y·(−ℓ_y) + (ε/C)·Σ_c w_c·(−ℓ_c), and 0 where y is the ignored index.
 * The mean divides the sum by Σ_i w_{y_i} over the samples not ignored (by their count when
 * there are no weights), as PyTorch does. Gradient with respect to x (no weights, no
 * smoothing): softmax(x) − onehot(y); tutorials/09-softmax-cross-entropy.md derives it.
 */
public record CrossEntropy(Reduction reduction, Tensor classWeight, Integer ignored, double smoothing) {
    /** Mean over the samples, no weights, nothing ignored, no smoothing. */
    public static final CrossEntropy DEFAULT = new CrossEntropy(Reduction.MEAN, null, null, 0);

    public CrossEntropy {
        if (!(smoothing >= 0 && smoothing <= 1)) {
            throw new IllegalArgumentException("crossEntropy: label smoothing must lie in [0, 1], got " + smoothing);
        }
    }

    /** The same loss reduced another way. */
    public CrossEntropy reduction(Reduction how) {
        return new CrossEntropy(how, classWeight, ignored, smoothing);
    }

    /** The same loss with a weight per class [C] (PyTorch's {@code weight=}). */
    public CrossEntropy weight(Tensor perClass) {
        return new CrossEntropy(reduction, perClass, ignored, smoothing);
    }

    /** The same loss, samples labelled {@code label} counting for nothing (PyTorch's {@code ignore_index=}). */
    public CrossEntropy ignoreIndex(int label) {
        return new CrossEntropy(reduction, classWeight, label, smoothing);
    }

    /** The same loss against targets mixed with the uniform distribution: (1 − ε)·onehot + ε/C. */
    public CrossEntropy labelSmoothing(double epsilon) {
        return new CrossEntropy(reduction, classWeight, ignored, epsilon);
    }

    /** The loss of {@code logits} [N, C] against the I32 class indices {@code targets} [N]. */
    public Tensor loss(Tensor logits, Tensor targets) {
        if (logits.rank() != 2 || targets.rank() != 1 || targets.size(0) != logits.size(0) || targets.dtype() != DType.I32) {
            throw new IllegalArgumentException("crossEntropy: needs logits [N, C] and I32 class indices [N], got "
                    + Shape.str(logits.shape()) + " and " + targets.dtype() + Shape.str(targets.shape()));
        }
        int n = logits.size(0), classes = logits.size(1);
        if (classWeight != null && (classWeight.rank() != 1 || classWeight.size(0) != classes)) {
            throw new IllegalArgumentException("crossEntropy: the class weights must be [" + classes + "], one per class, got "
                    + Shape.str(classWeight.shape()));
        }
        Tensor negLogP = logits.logSoftmax(1).neg();
        // the samples that count (1) and those labelled with the ignored index (0); an ignored label is read as class 0, then weighed 0
        Tensor labels = targets.to(logits.dtype());
        Tensor counts = ignored == null ? Tensor.onesLike(labels) : labels.eq(labels.scalarLike(ignored)).rsub(1);
        Tensor index = ignored == null ? targets : labels.mul(counts).to(DType.I32);
        Tensor perSample = negLogP.gather(1, index.reshape(n, 1)).reshape(n);
        Tensor sampleWeight = classWeight == null ? counts : classWeight.gather(0, index).mul(counts);
        perSample = perSample.mul(sampleWeight);
        if (smoothing > 0) {
            Tensor spread = (classWeight == null ? negLogP : negLogP.mul(classWeight.reshape(1, classes))).sum(new int[] {1}, false);
            perSample = perSample.mul(1 - smoothing).add(spread.mul(counts).mul(smoothing / classes));
        }
        return switch (reduction) {
            case NONE -> perSample;
            case SUM -> perSample.sum();
            case MEAN -> perSample.sum().div(sampleWeight.sum());
        };
    }
}
