package dev.masquerade.kernels;

import static org.jocl.CL.CL_CONTEXT_PLATFORM;
import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clCreateCommandQueueWithProperties;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clGetDeviceInfo;
import static org.jocl.CL.clSetKernelArg;

import dev.masquerade.engine.DType;
import dev.masquerade.engine.Device;
import dev.masquerade.engine.Shape;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.backend.AdamStep;
import dev.masquerade.engine.backend.Backend;
import dev.masquerade.engine.backend.BinaryOp;
import dev.masquerade.engine.backend.Conv2dGeometry;
import dev.masquerade.engine.backend.Pool2dGeometry;
import dev.masquerade.engine.backend.ReduceOp;
import dev.masquerade.engine.backend.Storage;
import dev.masquerade.engine.backend.UnaryOp;
import java.util.ArrayList;
import java.util.List;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_queue_properties;

/**
 * The OpenCL backend of one device. Every call enqueues kernels from the {@code .cl} resources
 * of this package on one in-order queue; data crosses to the host only in {@link #upload} and
 * {@link #download}.
 *
 * <p>Every OpenCL call of one backend is serialised (a data loader's thread uploads while the
 * training thread launches kernels), and buffers given back (by a closing scope, or from the
 * Cleaner's thread) are taken in on the calling thread only: into a {@link BufferPool} for the
 * next allocation of their size, or, when the pool is full, released after {@code clFinish}.
 *
 * <p>Every primitive runs on the device in float32 (int32 for indices); matrix products and
 * convolutions use the matmul kernel chosen for the device type ({@link OpenClMatmul}).
 * Memory goes back when its {@link dev.masquerade.engine.Memory} scope closes, or when the
 * storage is collected; {@link #deviceBytesInUse} counts what is held (pooled buffers are not).
 */
final class OpenClBackend implements Backend {
    /** What runs on the device so far, for listings. */
    static final String SUPPORTED = "every primitive";
    private static final int MAX_RANK = 8;
    private static final int MAX_OPERANDS = 4;
    private static final int LOCAL = 64;
    /** Work-items per output of reduce_grouped, and when a GPU uses it: blocks this long, fewer outputs than that. */
    private static final int GROUP = 256;
    private static final int GROUPED_BLOCK = 64;
    private static final int GROUPED_OUTPUTS = 16384;

    private final OpenCl.DeviceEntry entry;
    private final Device device;
    private final cl_context context;
    private final cl_command_queue queue;
    private final Programs programs;
    /** Buffers whose storage was released or collected, to take back at the next call (see releaseCollected). */
    private final java.util.concurrent.ConcurrentLinkedQueue<OpenClStorage.Buffer> released = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final OpenClMatmul matmuls;
    /** Buffers released by their storages, kept for reuse (a quarter of the device's memory at most). */
    private final BufferPool pool;
    /** Bytes of the buffers allocated and not yet released. */
    private final java.util.concurrent.atomic.AtomicLong bytesInUse = new java.util.concurrent.atomic.AtomicLong();

    OpenClBackend(OpenCl.DeviceEntry entry) {
        this.entry = entry;
        this.device = new Device("opencl", entry.index());
        cl_context_properties properties = new cl_context_properties();
        properties.addProperty(CL_CONTEXT_PLATFORM, entry.platform());
        this.context = clCreateContext(properties, 1, new org.jocl.cl_device_id[] {entry.device()}, null, null, null);
        this.queue = clCreateCommandQueueWithProperties(context, entry.device(), new cl_queue_properties(), null);
        this.programs = new Programs(context, entry.device(), entry.name());
        this.matmuls = new OpenClMatmul(this, entry, programs);
        long[] globalMemory = new long[1];
        clGetDeviceInfo(entry.device(), CL_DEVICE_GLOBAL_MEM_SIZE, Sizeof.cl_ulong, Pointer.to(globalMemory), null);
        this.pool = new BufferPool(globalMemory[0] / 4);
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

    /**
     * Queues a buffer for release (from a closing scope, or from the Cleaner's thread): no
     * OpenCL call happens here, so none races the queue; the next call of this backend releases it.
     */
    void releaseLater(OpenClStorage.Buffer buffer) {
        released.add(buffer);
    }

    /**
     * Hands queued buffers to the pool (on the caller's thread), each once; those the full pool
     * refuses are released after the queue has drained.
     */
    private void releaseCollected() {
        List<cl_mem> refused = null; // made only when needed: this runs before every launch
        for (OpenClStorage.Buffer buffer = released.poll(); buffer != null; buffer = released.poll()) {
            if (buffer.released().compareAndSet(false, true)) {
                bytesInUse.addAndGet(-buffer.bytes());
                cl_mem memory = pool.give(buffer.memory(), buffer.bytes());
                if (memory != null) {
                    refused = refused == null ? new ArrayList<>() : refused;
                    refused.add(memory);
                }
            }
        }
        if (refused != null) {
            releaseNow(refused);
        }
    }

    private void releaseNow(List<cl_mem> buffers) {
        if (!buffers.isEmpty()) {
            clFinish(queue);
            buffers.forEach(org.jocl.CL::clReleaseMemObject);
        }
    }

    /** A buffer of {@code bytes}: from the pool when it holds one of that size, else new (after emptying the pool if the device is full). */
    private cl_mem buffer(long bytes) {
        cl_mem memory = pool.take(bytes);
        if (memory != null) {
            return memory;
        }
        try {
            return clCreateBuffer(context, CL_MEM_READ_WRITE, bytes, null, null);
        } catch (org.jocl.CLException e) {
            releaseNow(pool.drain());
            return clCreateBuffer(context, CL_MEM_READ_WRITE, bytes, null, null);
        }
    }

    @Override
    public synchronized long deviceBytesInUse() {
        releaseCollected();
        return bytesInUse.get();
    }

    private Storage track(DType dtype, int size, cl_mem memory) {
        bytesInUse.addAndGet((long) size * dtype.bytes());
        return new OpenClStorage(this, dtype, size, memory);
    }

    @Override
    public synchronized Storage allocate(DType dtype, int size) {
        releaseCollected();
        checkType("allocate", dtype);
        return track(dtype, size, buffer((long) size * dtype.bytes()));
    }

    @Override
    public synchronized Storage upload(double[] values, DType dtype) {
        releaseCollected();
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
        cl_mem memory = buffer(bytes);
        clEnqueueWriteBuffer(queue, memory, CL_TRUE, 0, bytes, host, 0, null, null);
        return track(dtype, values.length, memory);
    }

    @Override
    public synchronized double[] download(Tensor tensor) {
        Tensor contiguous = tensor;
        if (!tensor.isContiguous() || tensor.offset() != 0) {
            contiguous = Tensor.asStrided(allocate(tensor.dtype(), tensor.numel()), tensor.shape(), Shape.contiguousStrides(tensor.shape()), 0);
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

    static cl_mem memory(Tensor t) {
        return ((OpenClStorage) t.storage()).memory();
    }

    /**
     * The Layout struct of layout.cl: rank, numel, shape, then offset and strides of each
     * operand. Axes are merged first wherever every operand walks them as one (a contiguous
     * tensor becomes one axis), because each axis costs every work-item a division.
     */
    private static int[] layout(int[] shape, Tensor... operands) {
        int[][] strides = new int[operands.length][];
        for (int k = 0; k < operands.length; k++) {
            strides[k] = operands[k].strides();
        }
        int[] mergedShape = new int[shape.length];
        int[][] mergedStrides = new int[operands.length][shape.length];
        int rank = 0;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 1) {
                continue; // its index is always 0
            }
            boolean continuesPrevious = rank > 0;
            for (int k = 0; k < operands.length && continuesPrevious; k++) {
                continuesPrevious = mergedStrides[k][rank - 1] == strides[k][d] * shape[d];
            }
            if (continuesPrevious) {
                mergedShape[rank - 1] *= shape[d];
            } else {
                mergedShape[rank++] = shape[d];
            }
            for (int k = 0; k < operands.length; k++) {
                mergedStrides[k][rank - 1] = strides[k][d];
            }
        }
        if (rank > MAX_RANK) {
            throw new UnsupportedOperationException("OpenCL element-wise kernels take up to " + MAX_RANK + " axes, got " + Shape.str(shape));
        }
        int[] l = new int[2 + MAX_RANK + MAX_OPERANDS + MAX_OPERANDS * MAX_RANK];
        l[0] = rank;
        l[1] = Shape.numel(shape);
        System.arraycopy(mergedShape, 0, l, 2, rank);
        for (int k = 0; k < operands.length; k++) {
            l[2 + MAX_RANK + k] = operands[k].offset();
            System.arraycopy(mergedStrides[k], 0, l, 2 + MAX_RANK + MAX_OPERANDS + k * MAX_RANK, rank);
        }
        return l;
    }

    /** Sets the arguments (cl_mem, int[] struct, Integer, Float) and runs the kernel over n work-items. */
    private void run(cl_kernel kernel, long[] global, Object... args) {
        run(kernel, global, null, args);
    }

    /** As above with an explicit work-group size (null: the driver chooses). */
    synchronized void run(cl_kernel kernel, long[] global, long[] local, Object... args) {
        releaseCollected();
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
        clEnqueueNDRangeKernel(queue, kernel, global.length, null, global, local, 0, null, null);
    }

    private void runElementwise(String name, int[] shape, Object... args) {
        int n = Shape.numel(shape);
        run(programs.kernel("elementwise.cl", name), new long[] {(n + LOCAL - 1) / LOCAL * LOCAL}, args);
    }

    static void requireFloat(String op, Tensor... tensors) {
        for (Tensor t : tensors) {
            if (t.dtype() != DType.F32) {
                throw new UnsupportedOperationException(op + " on OpenCL needs F32 tensors, got " + t.dtype());
            }
        }
    }

    @Override
    public void unary(UnaryOp op, Tensor x, Tensor out, double... params) {
        requireFloat(op.name().toLowerCase(), x, out);
        runElementwise("unary", out.shape(), memory(out), memory(x), layout(out.shape(), out, x), op.ordinal(),
                params.length > 0 ? params[0] : 0.0, params.length > 1 ? params[1] : 0.0);
    }

    @Override
    public void binary(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        requireFloat(op.name().toLowerCase(), a, b, out);
        runElementwise("binary", out.shape(), memory(out), memory(a), memory(b), layout(out.shape(), out, a, b), op.ordinal());
    }

    @Override
    public void where(Tensor condition, Tensor a, Tensor b, Tensor out) {
        requireFloat("where", condition, a, b, out);
        runElementwise("where_select", out.shape(), memory(out), memory(condition), memory(a), memory(b), layout(out.shape(), out, condition, a, b));
    }

    @Override
    public void adamUpdate(Tensor param, Tensor grad, Tensor m, Tensor v, AdamStep step) {
        requireFloat("adamUpdate", param, grad, m, v);
        runElementwise("adam_update", param.shape(), memory(param), memory(grad), memory(m), memory(v),
                layout(param.shape(), param, grad, m, v), step.beta1(), step.beta2(), step.stepSize(), step.vScale(), step.epsilon(),
                step.decay(), step.l2());
    }

    @Override
    public void copy(Tensor src, Tensor dst) {
        if (src.dtype() != dst.dtype()) { // a type conversion: through the host for now
            Tensor converted = Tensor.of(src.toDoubleArray(), dst.dtype(), device, src.shape());
            copy(converted, dst);
            return;
        }
        String kernel = src.dtype() == DType.I32 ? "copy_int" : "copy";
        runElementwise(kernel, dst.shape(), memory(dst), memory(src), layout(dst.shape(), dst, src));
    }

    @Override
    public void fill(Tensor dst, double value) {
        if (dst.dtype() == DType.I32) {
            copy(Tensor.full(value, DType.I32, Device.CPU, dst.shape()).to(device), dst);
            return;
        }
        runElementwise("fill", dst.shape(), memory(dst), layout(dst.shape(), dst), value);
    }

    @Override
    public void matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB, Tensor out) {
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
    public void reduce(ReduceOp op, Tensor x, int[] axes, Tensor out) {
        int block = 1;
        for (int axis : axes) {
            block *= x.size(axis);
        }
        reduce(!entry.isCpu() && block >= GROUPED_BLOCK && out.numel() < GROUPED_OUTPUTS, op, x, axes, out);
    }

    /** A reduction by reduce.cl's one work-item per output, or by its one work-group per output (tests compare both). */
    void reduce(boolean grouped, ReduceOp op, Tensor x, int[] axes, Tensor out) {
        requireFloat("reduce", x, out);
        int[] xStrides = x.strides();
        int[] blockShape = new int[axes.length];
        int[] blockStrides = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            blockShape[i] = x.shape()[axes[i]];
            blockStrides[i] = xStrides[axes[i]];
        }
        // the input's block of each output element, walked through the input's strides along the reduced axes
        Tensor blockView = Tensor.asStrided(x.storage(), blockShape, blockStrides, 0);
        int[] outer = layout(out.shape(), out, x);
        int n = out.numel();
        if (grouped) {
            run(programs.kernel("reduce.cl", "reduce_grouped", "-DGROUP=" + GROUP), new long[] {(long) n * GROUP}, new long[] {GROUP},
                    memory(out), memory(x), outer, layout(blockShape, blockView), op.ordinal());
        } else {
            run(programs.kernel("reduce.cl", "reduce"), new long[] {(n + LOCAL - 1) / LOCAL * LOCAL},
                    memory(out), memory(x), outer, layout(blockShape, blockView), op.ordinal());
        }
    }

    /** The Geometry struct of im2col.cl for an input [N, C, H, W] and a kernel kH×kW. */
    private static int[] geometry(int[] input, int kh, int kw, Conv2dGeometry g) {
        return new int[] {input[0], input[1], input[2], input[3], kh, kw, g.outputHeight(input[2], kh), g.outputWidth(input[3], kw),
            g.strideH(), g.strideW(), g.padH(), g.padW(), g.dilationH(), g.dilationW()};
    }

    /** The im2col matrices of a batch, [N, C·kH·kW, Ho·Wo]. */
    private Tensor columns(Tensor x, int[] geometry) {
        int rows = geometry[1] * geometry[4] * geometry[5];
        int pixels = geometry[6] * geometry[7];
        Tensor cols = Tensor.asStrided(allocate(DType.F32, geometry[0] * rows * pixels), new int[] {geometry[0], rows, pixels},
                Shape.contiguousStrides(new int[] {geometry[0], rows, pixels}), 0);
        // a CPU device does a row of output pixels per work-item (index arithmetic once per row); a GPU a pixel
        // per work-item, so that neighbouring work-items write neighbouring addresses
        int span = entry.isCpu() ? geometry[7] : 1;
        long items = (long) geometry[0] * rows * geometry[6] * ((geometry[7] + span - 1) / span);
        run(programs.kernel("im2col.cl", "im2col"), new long[] {roundUp(items)}, memory(cols), memory(contiguousCopy(x)), geometry, span);
        return cols;
    }

    /** weight [F, C, kH, kW] as the matrix [F, C·kH·kW], shared by every image (batch stride 0). */
    private Tensor weightMatrix(Tensor weight, int batch) {
        Tensor w = contiguousCopy(weight);
        int rows = weight.size(0), cols = weight.numel() / rows;
        return Tensor.asStrided(w.storage(), new int[] {batch, rows, cols}, new int[] {0, cols, 1}, 0);
    }

    @Override
    public void conv2d(Tensor x, Tensor weight, Tensor out, Conv2dGeometry g) {
        requireFloat("conv2d", x, weight, out);
        int[] geometry = geometry(x.shape(), weight.size(2), weight.size(3), g);
        Tensor cols = columns(x, geometry);
        Tensor y = Tensor.asStrided(out.storage(), new int[] {x.size(0), weight.size(0), cols.size(2)},
                new int[] {weight.size(0) * cols.size(2), cols.size(2), 1}, out.offset());
        requireContiguousOutput("conv2d", out);
        matmul(weightMatrix(weight, x.size(0)), false, cols, false, y);
    }

    @Override
    public void conv2dBackwardInput(Tensor gradOutput, Tensor weight, Tensor gradInput, Conv2dGeometry g) {
        requireFloat("conv2dBackwardInput", gradOutput, weight, gradInput);
        requireContiguousOutput("conv2dBackwardInput", gradInput);
        int[] geometry = geometry(gradInput.shape(), weight.size(2), weight.size(3), g);
        int batch = gradInput.size(0), filters = weight.size(0), rows = weight.numel() / filters, pixels = geometry[6] * geometry[7];
        Tensor gy = Tensor.asStrided(contiguousCopy(gradOutput).storage(), new int[] {batch, filters, pixels},
                new int[] {filters * pixels, pixels, 1}, 0);
        Tensor cols = Tensor.asStrided(allocate(DType.F32, batch * rows * pixels), new int[] {batch, rows, pixels},
                new int[] {rows * pixels, pixels, 1}, 0);
        matmul(weightMatrix(weight, batch), true, gy, false, cols); // Wᵀ · G per image
        run(programs.kernel("im2col.cl", "col2im"), new long[] {roundUp(gradInput.numel())}, memory(gradInput), memory(cols), geometry);
    }

    @Override
    public void conv2dBackwardWeight(Tensor x, Tensor gradOutput, Tensor gradWeight, Conv2dGeometry g) {
        requireFloat("conv2dBackwardWeight", x, gradOutput, gradWeight);
        int[] geometry = geometry(x.shape(), gradWeight.size(2), gradWeight.size(3), g);
        int batch = x.size(0), filters = gradWeight.size(0), rows = gradWeight.numel() / filters, pixels = geometry[6] * geometry[7];
        Tensor cols = columns(x, geometry);
        Tensor gy = Tensor.asStrided(contiguousCopy(gradOutput).storage(), new int[] {batch, filters, pixels},
                new int[] {filters * pixels, pixels, 1}, 0);
        Tensor perImage = Tensor.asStrided(allocate(DType.F32, batch * filters * rows), new int[] {batch, filters, rows},
                new int[] {filters * rows, rows, 1}, 0);
        matmul(gy, false, cols, true, perImage); // G · X̂ᵀ per image, then summed over the batch
        Tensor summed = Tensor.asStrided(gradWeight.storage(), new int[] {1, filters, rows}, new int[] {filters * rows, rows, 1},
                gradWeight.offset());
        requireContiguousOutput("conv2dBackwardWeight", gradWeight);
        reduce(ReduceOp.SUM, perImage, new int[] {0}, summed);
    }

    /** t itself when contiguous from offset 0, else a contiguous copy on the device. */
    private Tensor contiguousCopy(Tensor t) {
        if (t.isContiguous() && t.offset() == 0) {
            return t;
        }
        Tensor copy = Tensor.asStrided(allocate(t.dtype(), t.numel()), t.shape(), Shape.contiguousStrides(t.shape()), 0);
        copy(t, copy);
        return copy;
    }

    /** These kernels write contiguous outputs; the operations always allocate them so. */
    private static void requireContiguousOutput(String op, Tensor... outputs) {
        for (Tensor t : outputs) {
            if (!t.isContiguous() || t.offset() != 0) {
                throw new UnsupportedOperationException(op + " on OpenCL writes contiguous outputs only, got strides " + Shape.str(t.strides()));
            }
        }
    }

    private static long roundUp(long n) {
        return (n + LOCAL - 1) / LOCAL * LOCAL;
    }

    @Override
    public void maxPool2d(Tensor x, Tensor out, Tensor indices, Pool2dGeometry g) {
        requireFloat("maxPool2d", x, out);
        requireContiguousOutput("maxPool2d", out, indices);
        Tensor cx = contiguousCopy(x);
        int planes = x.size(0) * x.size(1);
        run(programs.kernel("indexing.cl", "max_pool"), new long[] {roundUp(out.numel())},
                memory(out), memory(indices), memory(cx), planes, x.size(2), x.size(3), out.size(2), out.size(3),
                g.kernel(), g.stride(), g.padding());
    }

    @Override
    public void maxPool2dBackward(Tensor gradOutput, Tensor indices, Tensor gradInput) {
        requireFloat("maxPool2dBackward", gradOutput, gradInput);
        requireContiguousOutput("maxPool2dBackward", gradInput);
        Tensor gy = contiguousCopy(gradOutput);
        int planes = gradInput.size(0) * gradInput.size(1);
        run(programs.kernel("indexing.cl", "max_pool_backward"), new long[] {roundUp(planes)},
                memory(gradInput), memory(gy), memory(contiguousCopy(indices)), planes,
                gradInput.size(2) * gradInput.size(3), gradOutput.size(2) * gradOutput.size(3));
    }

    /** outer, size of x along the axis, size of index along it, inner: the loop bounds of gather and scatter-add. */
    private static int[] alongAxis(int[] full, int[] indexed, int axis) {
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= indexed[d];
        }
        int inner = Shape.numel(indexed) / outer / indexed[axis];
        return new int[] {outer, full[axis], indexed[axis], inner};
    }

    @Override
    public void gather(Tensor x, int axis, Tensor index, Tensor out) {
        requireFloat("gather", x, out);
        requireContiguousOutput("gather", out);
        int[] b = alongAxis(x.shape(), index.shape(), axis);
        run(programs.kernel("indexing.cl", "gather"), new long[] {roundUp(out.numel())},
                memory(out), memory(contiguousCopy(x)), memory(contiguousCopy(index)), b[0], b[1], b[2], b[3]);
    }

    @Override
    public void scatterAdd(Tensor src, int axis, Tensor index, Tensor out) {
        requireFloat("scatterAdd", src, out);
        int[] b = alongAxis(out.shape(), index.shape(), axis);
        Tensor target = contiguousCopy(out);
        run(programs.kernel("indexing.cl", "scatter_add"), new long[] {roundUp((long) b[0] * b[3])},
                memory(target), memory(contiguousCopy(src)), memory(contiguousCopy(index)), b[0], b[1], b[2], b[3]);
        if (target != out) {
            copy(target, out);
        }
    }
}
