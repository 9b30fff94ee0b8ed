package dev.masquerade.engine.cpu;

import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.array.Storage;

/**
 * CPU memory: a Java array of the tensor's element type. Kernels compute in double: they
 * {@link #load} a strided run of elements into a double buffer, work on it, and {@link #store}
 * the result, so that each kernel is written once for all three types.
 */
final class CpuStorage extends Storage {
    private final float[] f32;
    private final double[] f64;
    private final int[] i32;

    /** A storage of {@code size} elements whose contents are undefined (a recycled array's, see {@link ArrayPool}). */
    CpuStorage(DType dtype, int size) {
        super(Device.CPU, dtype, size);
        Object array = ArrayPool.shared().take(dtype, size);
        this.f32 = array instanceof float[] floats ? floats : null;
        this.f64 = array instanceof double[] doubles ? doubles : null;
        this.i32 = array instanceof int[] ints ? ints : null;
    }

    /** Released by its Memory scope: the array goes back to the pool for the next storage of its size. */
    @Override
    protected void free() {
        ArrayPool.shared().give(dtype(), f32 != null ? f32 : f64 != null ? f64 : i32);
    }

    /** The float32 elements themselves, for the fast kernels. */
    float[] floats() {
        return f32;
    }

    /**
     * Reads {@code n} elements starting at offset, stride apart, into {@code dst[dstPos..]}.
     * Unit strides get their own loops because the JIT vectorises only those.
     */
    void load(int offset, int stride, int n, double[] dst, int dstPos) {
        switch (dtype()) {
            case F32 -> {
                if (stride == 1) {
                    for (int i = 0; i < n; i++) {
                        dst[dstPos + i] = f32[offset + i];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        dst[dstPos + i] = f32[offset + i * stride];
                    }
                }
            }
            case F64 -> {
                if (stride == 1) {
                    System.arraycopy(f64, offset, dst, dstPos, n);
                } else {
                    for (int i = 0; i < n; i++) {
                        dst[dstPos + i] = f64[offset + i * stride];
                    }
                }
            }
            case I32 -> {
                for (int i = 0; i < n; i++) {
                    dst[dstPos + i] = i32[offset + i * stride];
                }
            }
        }
    }

    /** Writes {@code src[srcPos..srcPos + n)} to n elements starting at offset, stride apart. */
    void store(double[] src, int srcPos, int n, int offset, int stride) {
        switch (dtype()) {
            case F32 -> {
                if (stride == 1) {
                    for (int i = 0; i < n; i++) {
                        f32[offset + i] = (float) src[srcPos + i];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        f32[offset + i * stride] = (float) src[srcPos + i];
                    }
                }
            }
            case F64 -> {
                if (stride == 1) {
                    System.arraycopy(src, srcPos, f64, offset, n);
                } else {
                    for (int i = 0; i < n; i++) {
                        f64[offset + i * stride] = src[srcPos + i];
                    }
                }
            }
            case I32 -> {
                for (int i = 0; i < n; i++) {
                    i32[offset + i * stride] = (int) src[srcPos + i];
                }
            }
        }
    }
}
