package dev.masquerade.nn.data;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import java.util.Arrays;

/**
 * Samples held in host memory: features as floats (each sample of {@code sampleShape}) and an
 * integer label per sample. Cheap to batch: a batch copies rows into one array and uploads it.
 */
public final class ArrayDataset {
    private final float[] features;
    private final int[] sampleShape;
    private final int sampleSize;
    private final int[] labels;

    public ArrayDataset(float[] features, int[] sampleShape, int[] labels) {
        this.sampleShape = sampleShape.clone();
        this.sampleSize = Arrays.stream(sampleShape).reduce(1, (a, b) -> a * b);
        if (features.length != sampleSize * labels.length) {
            throw new IllegalArgumentException("ArrayDataset: " + features.length + " feature values do not make " + labels.length
                    + " samples of shape " + Arrays.toString(sampleShape));
        }
        this.features = features;
        this.labels = labels;
    }

    /** Number of samples. */
    public int size() {
        return labels.length;
    }

    /** The shape of one sample. */
    public int[] sampleShape() {
        return sampleShape.clone();
    }

    /** The label of sample i. */
    public int label(int i) {
        return labels[i];
    }

    /** The first n samples (for quick runs and tests). */
    public ArrayDataset head(int n) {
        return slice(0, Math.min(n, size()));
    }

    /** Samples from..to−1, for example to hold out the last ones for testing. */
    public ArrayDataset slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IllegalArgumentException("slice: [" + from + ", " + to + ") is not within the " + size() + " samples");
        }
        return new ArrayDataset(Arrays.copyOfRange(features, from * sampleSize, to * sampleSize), sampleShape,
                Arrays.copyOfRange(labels, from, to));
    }

    /** The samples at the given indices as one batch: features [B, ...sampleShape] (F32) and labels [B] (I32). */
    public Batch batch(int[] indices, Device device) {
        double[] x = new double[indices.length * sampleSize];
        int[] y = new int[indices.length];
        for (int b = 0; b < indices.length; b++) {
            int from = indices[b] * sampleSize;
            for (int j = 0; j < sampleSize; j++) {
                x[b * sampleSize + j] = features[from + j];
            }
            y[b] = labels[indices[b]];
        }
        int[] shape = new int[sampleShape.length + 1];
        shape[0] = indices.length;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        Tensor labelTensor = Tensor.of(Arrays.stream(y).asDoubleStream().toArray(), DType.I32, device, indices.length);
        return new Batch(Tensor.of(x, DType.F32, device, shape), labelTensor);
    }

    /** Features and labels of one batch. */
    public record Batch(Tensor features, Tensor labels) {
    }
}
