package dev.masquerade.kernels;

import static org.jocl.CL.CL_CONTEXT_PLATFORM;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clCreateCommandQueueWithProperties;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clSetKernelArg;

import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.array.Layout;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.engine.array.Storage;
import dev.masquerade.engine.array.StridedArray;
import dev.masquerade.engine.backend.AdamStep;
import dev.masquerade.engine.backend.Backend;
import dev.masquerade.engine.backend.BinaryOp;
import dev.masquerade.engine.backend.Conv2dGeometry;
import dev.masquerade.engine.backend.FusedAdam;
import dev.masquerade.engine.backend.Pool2dGeometry;
import dev.masquerade.engine.backend.ReduceOp;
import dev.masquerade.engine.backend.UnaryOp;
import java.util.Arrays;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_event;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * The OpenCL backend of one device. Every call enqueues kernels from the {@code .cl} resources
 * of this package on one in-order queue; data crosses to the host only in {@link #upload} and
 * {@link #download}.
 *
 * <p>Every OpenCL call of one backend is serialised (a data loader's thread uploads while the
 * training thread launches kernels); buffers given back from any thread are taken in on the
 * calling thread only ({@link OpenClMemory}). Matrix products, convolutions, indexing
 * kernels, sampling and reductions live in {@link OpenClMatmul}, {@link OpenClConvolution},
 * {@link OpenClIndexing}, {@link OpenClSampling} and {@link OpenClReduction}.
 *
 * <p>Every primitive runs on the device in float32 (int32 for indices); matrix products and
 * convolutions use the matmul kernel chosen for the device type ({@link OpenClMatmul}).
 * Memory goes back when its {@link dev.masquerade.engine.Memory} scope closes, or when the
 * storage is collected; {@link #deviceBytesInUse} counts what is held (pooled buffers are not).
 */
final class OpenClBackend implements Backend, FusedAdam {
    /** What runs on the device so far, for listings. */
    static final String SUPPORTED = "every primitive";
    static final int MAX_RANK = 8;
    private static final int MAX_OPERANDS = 4;
    private static final int LOCAL = 64;

    private final OpenCl.DeviceEntry entry;
    private final Device device;
    private final cl_context context;
    private final cl_command_queue queue;
    private final Programs programs;
    private final OpenClMemory buffers;
    private final OpenClMatmul matmuls;
    private final OpenClConvolution convolutions;
    private final OpenClIndexing indexing;
    private final OpenClSampling sampling;
    private final OpenClReduction reductions;
    private final KernelProfile profile;

    OpenClBackend(OpenCl.DeviceEntry entry) {
        this(entry, KernelProfile.forProcess(entry.name()));
    }

    /** A backend whose launches {@code profile} records (tests give their own). */
    OpenClBackend(OpenCl.DeviceEntry entry, KernelProfile profile) {
        this.entry = entry;
        this.device = new Device("opencl", entry.index());
        cl_context_properties properties = new cl_context_properties();
        properties.addProperty(CL_CONTEXT_PLATFORM, entry.platform());
        this.context = clCreateContext(properties, 1, new org.jocl.cl_device_id[] {entry.device()}, null, null, null);
        this.queue = clCreateCommandQueueWithProperties(context, entry.device(), profile.queueProperties(), null);
        this.profile = profile;
        this.programs = new Programs(context, entry.device(), entry.name());
        this.matmuls = new OpenClMatmul(this, entry, programs);
        this.convolutions = new OpenClConvolution(this, entry, programs);
        this.indexing = new OpenClIndexing(this, programs);
        this.sampling = new OpenClSampling(this, programs);
        this.reductions = new OpenClReduction(this, entry, programs);
        this.buffers = new OpenClMemory(context, queue, entry);
    }

    @Override
    public Device device() {
        return device;
    }

    private static void checkType(String op, DType dtype) {
        if (dtype == DType.F64) {
            throw new UnsupportedOperationException(op + ": the OpenCL backend stores F32 and I32 only so far; use F32 on OpenCL or F64 on the CPU");
        }
    }

    @Override
    public synchronized long deviceBytesInUse() {
        buffers.takeBack();
        return buffers.bytesInUse();
    }

    @Override
    public synchronized Storage allocate(DType dtype, int size) {
        buffers.takeBack();
        checkType("allocate", dtype);
        return new OpenClStorage(this, buffers, dtype, size, buffers.buffer((long) size * dtype.bytes()));
    }

    @Override
    public synchronized Storage upload(double[] values, DType dtype) {
        buffers.takeBack();
        checkType("upload", dtype);
        Pointer host;
        if (dtype == DType.I32) {
            int[] ints = new int[values.length];
            for (int i = 0; i < ints.length; i++) {
                ints[i] = (int) values[i];
            }
            host = Pointer.to(ints);
        } else {
            float[] floats = new float[values.length];
            for (int i = 0; i < floats.length; i++) {
                floats[i] = (float) values[i];
            }
            host = Pointer.to(floats);
        }
        long bytes = (long) values.length * dtype.bytes();
        cl_mem buffer = buffers.buffer(bytes);
        clEnqueueWriteBuffer(queue, buffer, CL_TRUE, 0, bytes, host, 0, null, null);
        return new OpenClStorage(this, buffers, dtype, values.length, buffer);
    }

    @Override
    public synchronized double[] download(StridedArray tensor) {
        StridedArray contiguous = tensor;
        if (!tensor.isContiguous() || tensor.offset() != 0) {
            contiguous = StridedArray.of(allocate(tensor.dtype(), tensor.numel()), tensor.shape(), Shape.contiguousStrides(tensor.shape()), 0);
            copy(tensor, contiguous);
        }
        int n = tensor.numel();
        double[] out = new double[n];
        cl_mem memory = memory(contiguous);
        if (tensor.dtype() == DType.I32) {
            int[] ints = new int[n];
            clEnqueueReadBuffer(queue, memory, CL_TRUE, 0, (long) n * Sizeof.cl_int, Pointer.to(ints), 0, null, null);
            for (int i = 0; i < n; i++) {
                out[i] = ints[i];
            }
        } else {
            float[] floats = new float[n];
            clEnqueueReadBuffer(queue, memory, CL_TRUE, 0, (long) n * Sizeof.cl_float, Pointer.to(floats), 0, null, null);
            for (int i = 0; i < n; i++) {
                out[i] = floats[i];
            }
        }
        return out;
    }

    static cl_mem memory(StridedArray t) {
        return ((OpenClStorage) t.storage()).memory();
    }

    /**
     * The Layout struct of layout.cl: rank, numel, shape, then offset and strides of each
     * operand, with axes merged ({@link Layout#merge}, as the CPU's loops merge them) because
     * each axis costs every work-item a division.
     */
    static int[] layout(int[] shape, StridedArray... operands) {
        Layout merged = Layout.merge(shape, operands);
        int rank = merged.rank();
        if (rank > MAX_RANK) {
            throw new UnsupportedOperationException("OpenCL element-wise kernels take up to " + MAX_RANK + " axes, got " + Shape.str(shape));
        }
        int[] l = new int[2 + MAX_RANK + MAX_OPERANDS + MAX_OPERANDS * MAX_RANK];
        l[0] = rank;
        l[1] = Shape.numel(shape);
        System.arraycopy(merged.dims(), 0, l, 2, rank);
        for (int k = 0; k < operands.length; k++) {
            l[2 + MAX_RANK + k] = merged.offsets()[k];
            System.arraycopy(merged.strides()[k], 0, l, 2 + MAX_RANK + MAX_OPERANDS + k * MAX_RANK, rank);
        }
        return l;
    }

    /** Sets the arguments (cl_mem, int[] struct, Integer, Float) and runs the kernel over n work-items. */
    void run(cl_kernel kernel, long[] global, Object... args) {
        run(kernel, global, null, args);
    }

    /** As above with an explicit work-group size (null: the driver chooses). */
    synchronized void run(cl_kernel kernel, long[] global, long[] local, Object... args) {
        buffers.takeBack();
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof cl_mem m) {
                clSetKernelArg(kernel, i, Sizeof.cl_mem, Pointer.to(m));
            } else if (a instanceof int[] struct) {
                clSetKernelArg(kernel, i, (long) struct.length * Sizeof.cl_int, Pointer.to(struct));
            } else if (a instanceof Integer v) {
                clSetKernelArg(kernel, i, Sizeof.cl_int, Pointer.to(new int[] {v}));
            } else {
                clSetKernelArg(kernel, i, Sizeof.cl_float, Pointer.to(new float[] {((Number) a).floatValue()}));
            }
        }
        cl_event event = profile.event();
        clEnqueueNDRangeKernel(queue, kernel, global.length, null, global, local, 0, null, event);
        profile.record(programs.label(kernel), event);
    }

    private void runElementwise(String name, int[] shape, Object... args) {
        int n = Shape.numel(shape);
        run(programs.kernel("elementwise.cl", name), new long[] {(n + LOCAL - 1) / LOCAL * LOCAL}, args);
    }

    static void requireFloat(String op, StridedArray... tensors) {
        for (StridedArray t : tensors) {
            if (t.dtype() != DType.F32) {
                throw new UnsupportedOperationException(op + " on OpenCL needs F32 tensors, got " + t.dtype());
            }
        }
    }

    @Override
    public void unary(UnaryOp op, StridedArray x, StridedArray out, double... params) {
        requireFloat(op.name().toLowerCase(), x, out);
        runElementwise("unary", out.shape(), memory(out), memory(x), layout(out.shape(), out, x), op.ordinal(),
                params.length > 0 ? params[0] : 0.0, params.length > 1 ? params[1] : 0.0);
    }

    @Override
    public void binary(BinaryOp op, StridedArray a, StridedArray b, StridedArray out) {
        requireFloat(op.name().toLowerCase(), a, b, out);
        runElementwise("binary", out.shape(), memory(out), memory(a), memory(b), layout(out.shape(), out, a, b), op.ordinal());
    }

    @Override
    public void where(StridedArray condition, StridedArray a, StridedArray b, StridedArray out) {
        requireFloat("where", condition, a, b, out);
        runElementwise("where_select", out.shape(), memory(out), memory(condition), memory(a), memory(b), layout(out.shape(), out, condition, a, b));
    }

    @Override
    public void adamUpdate(StridedArray param, StridedArray grad, StridedArray m, StridedArray v, AdamStep step) {
        requireFloat("adamUpdate", param, grad, m, v);
        runElementwise("adam_update", param.shape(), memory(param), memory(grad), memory(m), memory(v),
                layout(param.shape(), param, grad, m, v), step.beta1(), step.beta2(), step.stepSize(), step.vScale(), step.epsilon(),
                step.decay(), step.l2());
    }

    @Override
    public void copy(StridedArray src, StridedArray dst) {
        if (src.dtype() != dst.dtype()) { // a type conversion: through the host for now
            StridedArray converted = StridedArray.contiguous(upload(download(src), dst.dtype()), src.shape());
            copy(converted, dst);
            return;
        }
        String kernel = src.dtype() == DType.I32 ? "copy_int" : "copy";
        runElementwise(kernel, dst.shape(), memory(dst), memory(src), layout(dst.shape(), dst, src));
    }

    @Override
    public void fill(StridedArray dst, double value) {
        if (dst.dtype() == DType.I32) {
            double[] values = new double[dst.numel()];
            Arrays.fill(values, value);
            copy(StridedArray.contiguous(upload(values, DType.I32), dst.shape()), dst);
            return;
        }
        runElementwise("fill", dst.shape(), memory(dst), layout(dst.shape(), dst), value);
    }

    @Override
    public void matmul(StridedArray a, boolean transposeA, StridedArray b, boolean transposeB, StridedArray out) {
        matmuls.matmul(a, transposeA, b, transposeB, out);
    }

    /** This device's matrix products (tests and benchmarks pick a kernel of the ladder there). */
    OpenClMatmul matmuls() {
        return matmuls;
    }

    /** Waits until every queued command has run (the tuners time kernels with it). */
    synchronized void finish() {
        clFinish(queue);
    }

    @Override
    public void reduce(ReduceOp op, StridedArray x, int[] axes, StridedArray out) {
        reductions.reduce(op, x, axes, out);
    }

    /** This device's reductions (tests run each way of reducing). */
    OpenClReduction reductions() {
        return reductions;
    }

    @Override
    public void conv2d(StridedArray x, StridedArray weight, StridedArray out, Conv2dGeometry g) {
        convolutions.conv2d(x, weight, out, g);
    }

    @Override
    public void conv2dBackwardInput(StridedArray gradOutput, StridedArray weight, StridedArray gradInput, Conv2dGeometry g) {
        convolutions.conv2dBackwardInput(gradOutput, weight, gradInput, g);
    }

    @Override
    public void conv2dBackwardWeight(StridedArray x, StridedArray gradOutput, StridedArray gradWeight, Conv2dGeometry g) {
        convolutions.conv2dBackwardWeight(x, gradOutput, gradWeight, g);
    }

    @Override
    public void depthwiseConv2d(StridedArray x, StridedArray weight, StridedArray out, Conv2dGeometry g) {
        convolutions.depthwiseConv2d(x, weight, out, g);
    }

    @Override
    public void depthwiseConv2dBackwardInput(StridedArray gradOutput, StridedArray weight, StridedArray gradInput, Conv2dGeometry g) {
        convolutions.depthwiseConv2dBackwardInput(gradOutput, weight, gradInput, g);
    }

    @Override
    public void depthwiseConv2dBackwardWeight(StridedArray x, StridedArray gradOutput, StridedArray gradWeight, Conv2dGeometry g) {
        convolutions.depthwiseConv2dBackwardWeight(x, gradOutput, gradWeight, g);
    }

    @Override
    public void maxPool2d(StridedArray x, StridedArray out, StridedArray indices, Pool2dGeometry g) {
        indexing.maxPool2d(x, out, indices, g);
    }

    @Override
    public void maxPool2dBackward(StridedArray gradOutput, StridedArray indices, StridedArray gradInput) {
        indexing.maxPool2dBackward(gradOutput, indices, gradInput);
    }

    @Override
    public void gather(StridedArray x, int axis, StridedArray index, StridedArray out) {
        indexing.gather(x, axis, index, out);
    }

    @Override
    public void scatterAdd(StridedArray src, int axis, StridedArray index, StridedArray out) {
        indexing.scatterAdd(src, axis, index, out);
    }

    @Override
    public void gridSample(StridedArray x, StridedArray grid, StridedArray out) {
        sampling.gridSample(x, grid, out);
    }

    @Override
    public void gridSampleBackward(StridedArray gradOutput, StridedArray x, StridedArray grid, StridedArray gradInput, StridedArray gradGrid) {
        sampling.gridSampleBackward(gradOutput, x, grid, gradInput, gradGrid);
    }

    /** t itself when contiguous from offset 0, else a contiguous copy on the device. */
    StridedArray contiguousCopy(StridedArray t) {
        if (t.isContiguous() && t.offset() == 0) {
            return t;
        }
        StridedArray copy = StridedArray.of(allocate(t.dtype(), t.numel()), t.shape(), Shape.contiguousStrides(t.shape()), 0);
        copy(t, copy);
        return copy;
    }

    /** These kernels write contiguous outputs; the operations always allocate them so. */
    static void requireContiguousOutput(String op, StridedArray... outputs) {
        for (StridedArray t : outputs) {
            if (!t.isContiguous() || t.offset() != 0) {
                throw new UnsupportedOperationException(op + " on OpenCL writes contiguous outputs only, got strides " + Shape.str(t.strides()));
            }
        }
    }

    /** n rounded up to whole element-wise work-groups. */
    static long roundUp(long n) {
        return (n + LOCAL - 1) / LOCAL * LOCAL;
    }
}
