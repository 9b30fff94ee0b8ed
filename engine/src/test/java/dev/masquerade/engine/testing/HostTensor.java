package dev.masquerade.engine.testing;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.array.Shape;
import java.util.Arrays;

/**
 * A test input kept on the host: its values in row-major order, its shape, and optionally a
 * storage order, in which case {@link #toTensor} builds a non-contiguous (permuted) view
 * instead of a plain contiguous tensor. The values seen through the tensor are the same.
 *
 * @param storageOrder null for a contiguous tensor, else the permutation of axes in memory
 */
public record HostTensor(double[] values, int[] shape, DType dtype, int[] storageOrder) {

    /** A contiguous input. */
    public static HostTensor contiguous(double[] values, int[] shape, DType dtype) {
        return new HostTensor(values, shape, dtype, null);
    }

    /** This input with other values. */
    public HostTensor withValues(double[] newValues) {
        return new HostTensor(newValues, shape, dtype, storageOrder);
    }

    /** This input without the storage order. */
    public HostTensor contiguousCopy() {
        return new HostTensor(values, shape, dtype, null);
    }

    /**
     * A leaf tensor on the CPU holding these values; floating-point inputs take {@code floatType}.
     * With a storage order, the memory holds the axes in that order and the tensor is a
     * strided view of it, so kernels see genuinely non-contiguous input.
     */
    public Tensor toTensor(DType floatType) {
        DType type = dtype == DType.I32 ? DType.I32 : floatType;
        if (storageOrder == null) {
            return Tensor.of(values, type, Device.CPU, shape);
        }
        int rank = shape.length;
        int[] physicalShape = new int[rank];
        for (int i = 0; i < rank; i++) {
            physicalShape[i] = shape[storageOrder[i]];
        }
        int[] logicalStrides = Shape.contiguousStrides(shape);
        int[] physicalStrides = Shape.contiguousStrides(physicalShape);
        double[] physical = new double[values.length];
        for (int p = 0; p < physical.length; p++) {
            int logical = 0;
            for (int i = 0; i < rank; i++) {
                logical += (p / physicalStrides[i]) % physicalShape[i] * logicalStrides[storageOrder[i]];
            }
            physical[p] = values[logical];
        }
        Tensor memory = Tensor.of(physical, type, Device.CPU, physicalShape);
        int[] strides = new int[rank];
        for (int i = 0; i < rank; i++) {
            strides[storageOrder[i]] = physicalStrides[i];
        }
        return Tensor.asStrided(memory.storage(), shape, strides, 0);
    }

    @Override
    public String toString() {
        String layout = storageOrder == null ? "" : " stored in axis order " + Arrays.toString(storageOrder);
        double[] shown = values.length <= 24 ? values : Arrays.copyOf(values, 24);
        String text = Arrays.stream(shown).mapToObj(v -> String.format("%.4g", v)).toList().toString();
        return dtype + Arrays.toString(shape) + layout + " " + (values.length <= 24 ? text : text.replace("]", ", ...]"));
    }
}
