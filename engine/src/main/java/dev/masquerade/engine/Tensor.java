package dev.masquerade.engine;

import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.engine.array.Storage;
import dev.masquerade.engine.array.StridedArray;
import dev.masquerade.engine.backend.Backend;
import dev.masquerade.engine.backend.Backends;
import dev.masquerade.engine.backend.BinaryOp;
import dev.masquerade.engine.backend.Conv2dGeometry;
import dev.masquerade.engine.backend.Pool2dGeometry;
import dev.masquerade.engine.ops.Arithmetic;
import dev.masquerade.engine.ops.Concatenation;
import dev.masquerade.engine.ops.Convolution;
import dev.masquerade.engine.ops.Elementwise;
import dev.masquerade.engine.ops.GroupedConvolution;
import dev.masquerade.engine.ops.MatMul;
import dev.masquerade.engine.ops.Normalization;
import dev.masquerade.engine.ops.Padding;
import dev.masquerade.engine.ops.Pooling;
import dev.masquerade.engine.ops.Reductions;
import dev.masquerade.engine.ops.Resampling;
import dev.masquerade.engine.ops.Sampling;
import dev.masquerade.engine.ops.Selection;
import dev.masquerade.engine.ops.Softmax;
import dev.masquerade.engine.ops.Views;
import java.util.Arrays;
import java.util.List;

/**
 * An n-dimensional array of numbers on a device, and a node of the autograd graph.
 *
 * <p>A tensor is a view: a {@link Storage} plus a shape, strides (how many elements to step
 * per axis) and an offset. Views such as {@link #permute}, {@link #narrow} and {@link #expand}
 * share storage and copy nothing; {@link #contiguous()} copies when needed.
 *
 * <p>Every method that computes a new tensor is an operation: it runs on the tensor's backend
 * and, when an input {@link #requiresGrad() requires a gradient}, records how to differentiate
 * itself. The operations live in {@code dev.masquerade.engine.ops}, each with its derivative
 * beside its forward pass; this class is their front door.
 */
public final class Tensor {
    private final StridedArray array;
    private boolean requiresGrad;
    private Tensor grad;
    private Node gradFn;

    private Tensor(StridedArray array) {
        this.array = array;
    }

    /** A new leaf tensor over an array (a backend's result, a view made by an operation). */
    public static Tensor wrap(StridedArray array) {
        return new Tensor(array);
    }

    // ---------------------------------------------------------------- creation

    /** A tensor with uninitialised contents (every backend allocates without clearing). */
    public static Tensor empty(DType dtype, Device device, int... shape) {
        int[] checked = Shape.validate("empty", shape);
        return new Tensor(StridedArray.contiguous(Backends.of(device).allocate(dtype, Shape.numel(checked)), checked));
    }

    /** A tensor filled with {@code value}. */
    public static Tensor full(double value, DType dtype, Device device, int... shape) {
        Tensor t = empty(dtype, device, shape);
        t.backend().fill(t.array, value);
        return t;
    }

    /** A tensor of the given value and type on the default device. */
    public static Tensor full(double value, DType dtype, int... shape) {
        return full(value, dtype, Device.defaultDevice(), shape);
    }

    /** A tensor of the given value, of the default type ({@link DType#DEFAULT}) on the default device. */
    public static Tensor full(double value, int... shape) {
        return full(value, DType.DEFAULT, shape);
    }

    /** Zeros of the given type on the given device. */
    public static Tensor zeros(DType dtype, Device device, int... shape) {
        return full(0, dtype, device, shape);
    }

    /** Zeros of the given type on the default device. */
    public static Tensor zeros(DType dtype, int... shape) {
        return full(0, dtype, shape);
    }

    /** Zeros of the default type on the default device. */
    public static Tensor zeros(int... shape) {
        return full(0, shape);
    }

    /** Ones of the given type on the given device. */
    public static Tensor ones(DType dtype, Device device, int... shape) {
        return full(1, dtype, device, shape);
    }

    /** Ones of the given type on the default device. */
    public static Tensor ones(DType dtype, int... shape) {
        return full(1, dtype, shape);
    }

    /** Ones of the default type on the default device. */
    public static Tensor ones(int... shape) {
        return full(1, shape);
    }

    /** Zeros with the shape, type and device of {@code like}. */
    public static Tensor zerosLike(Tensor like) {
        return zeros(like.dtype(), like.device(), like.shape());
    }

    /** Ones with the shape, type and device of {@code like}. */
    public static Tensor onesLike(Tensor like) {
        return ones(like.dtype(), like.device(), like.shape());
    }

    /** {@code [start, start + step, ...]} up to but excluding end, like NumPy's arange. */
    public static Tensor arange(double start, double end, double step, DType dtype, Device device) {
        if (step == 0 || (end - start) / step <= 0) {
            throw new IllegalArgumentException("arange: no values from " + start + " to " + end + " in steps of " + step);
        }
        int n = (int) Math.ceil((end - start) / step);
        double[] values = new double[n];
        Arrays.setAll(values, i -> start + i * step);
        return of(values, dtype, device, n);
    }

    /** {@code [0, 1, ..., n - 1]} of the default type on the default device. */
    public static Tensor arange(int n) {
        return arange(0, n, 1, DType.DEFAULT, Device.defaultDevice());
    }

    /** Uniform values in [0, 1) drawn from {@code rng}. */
    public static Tensor rand(Rng rng, DType dtype, Device device, int... shape) {
        double[] values = new double[Shape.numel(Shape.validate("rand", shape))];
        Arrays.setAll(values, i -> rng.uniform());
        return of(values, dtype, device, shape);
    }

    /** Uniform values in [0, 1) of the default type on the default device. */
    public static Tensor rand(Rng rng, int... shape) {
        return rand(rng, DType.DEFAULT, Device.defaultDevice(), shape);
    }

    /** Standard normal values drawn from {@code rng}. */
    public static Tensor randn(Rng rng, DType dtype, Device device, int... shape) {
        double[] values = new double[Shape.numel(Shape.validate("randn", shape))];
        Arrays.setAll(values, i -> rng.normal());
        return of(values, dtype, device, shape);
    }

    /** Standard normal values of the given type on the default device. */
    public static Tensor randn(Rng rng, DType dtype, int... shape) {
        return randn(rng, dtype, Device.defaultDevice(), shape);
    }

    /** Standard normal values of the default type on the default device. */
    public static Tensor randn(Rng rng, int... shape) {
        return randn(rng, DType.DEFAULT, shape);
    }

    /** A tensor holding {@code values} in row-major order. */
    public static Tensor of(double[] values, DType dtype, Device device, int... shape) {
        int[] checked = Shape.validate("of", shape);
        if (values.length != Shape.numel(checked)) {
            throw new IllegalArgumentException("of: " + values.length + " values cannot fill shape " + Shape.str(shape)
                    + " of " + Shape.numel(checked) + " elements");
        }
        return new Tensor(StridedArray.contiguous(Backends.of(device).upload(values, dtype), checked));
    }

    /** A tensor of the given type on the default device ({@code of(values, DType.F64, shape)} for gradient checks). */
    public static Tensor of(double[] values, DType dtype, int... shape) {
        return of(values, dtype, Device.defaultDevice(), shape);
    }

    /**
     * A tensor of the default type (float32) on the default device: Java's doubles become float32
     * as Python's floats do in {@code torch.tensor}; name {@link DType#F64} to keep double precision.
     */
    public static Tensor of(double[] values, int... shape) {
        return of(values, DType.DEFAULT, shape);
    }

    /** A float32 tensor on the default device. */
    public static Tensor of(float[] values, int... shape) {
        double[] widened = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            widened[i] = values[i];
        }
        return of(widened, DType.F32, shape);
    }

    /** An int32 tensor of indices or labels on the default device. */
    public static Tensor indices(int[] values, int... shape) {
        return of(Arrays.stream(values).asDoubleStream().toArray(), DType.I32, Device.defaultDevice(), shape);
    }

    /** A rank-0 tensor of the default type on the default device. */
    public static Tensor scalar(double value) {
        return full(value);
    }

    /** A rank-0 tensor of this tensor's type and device, for mixing constants into operations. */
    public Tensor scalarLike(double value) {
        return full(value, dtype(), device());
    }

    /**
     * A view of {@code storage} with explicit shape, strides and offset. Low-level: view
     * operations and backends use it; checks that every reachable element lies in the storage.
     */
    public static Tensor asStrided(Storage storage, int[] shape, int[] strides, int offset) {
        return new Tensor(StridedArray.of(storage, shape, strides, offset));
    }

    // ---------------------------------------------------------------- metadata and host access

    /** The strided array under this tensor: what backends see (no autograd). */
    public StridedArray array() {
        return array;
    }

    /** The shape (a copy). */
    public int[] shape() {
        return array.shape();
    }

    /** Size of one axis; negative axes count from the end. */
    public int size(int axis) {
        return array.size(axis);
    }

    /** Number of axes. */
    public int rank() {
        return array.rank();
    }

    /** Number of elements. */
    public int numel() {
        return array.numel();
    }

    /** Elements to step in storage per unit of each axis (a copy). */
    public int[] strides() {
        return array.strides();
    }

    /** Position of element [0, ..., 0] in storage. */
    public int offset() {
        return array.offset();
    }

    /** The memory this view reads; fails once a {@link Memory} scope has released it. */
    public Storage storage() {
        return array.storage();
    }

    /** Element type. */
    public DType dtype() {
        return array.dtype();
    }

    /** Where the data lives. */
    public Device device() {
        return array.device();
    }

    /** The backend that runs operations on this tensor. */
    public Backend backend() {
        return Backends.of(array.device());
    }

    /** Whether the elements lie in storage in row-major order without gaps. */
    public boolean isContiguous() {
        return array.isContiguous();
    }

    /** Copies the elements to the host in row-major order. */
    public double[] toDoubleArray() {
        return backend().download(array);
    }

    /** Copies the elements to the host in row-major order, as floats. */
    public float[] toFloatArray() {
        double[] values = toDoubleArray();
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /** The value of a one-element tensor. */
    public double item() {
        if (numel() != 1) {
            throw new IllegalStateException("item: the tensor has shape " + Shape.str(shape()) + " and " + numel()
                    + " elements; item() needs exactly one (reduce first, e.g. sum() or mean())");
        }
        return toDoubleArray()[0];
    }

    /** A copy converted to another element type. Not recorded in the graph: the copy is a new leaf. */
    public Tensor to(DType dtype) {
        Tensor out = empty(dtype, device(), shape());
        backend().copy(array, out.array);
        return Trace.record("cast", java.util.Map.of("dtype", dtype), out, this);
    }

    /** A copy on another device (a new leaf, not recorded in the graph); this tensor when already there. */
    public Tensor to(Device device) {
        return device.equals(device()) ? this : of(toDoubleArray(), dtype(), device, shape());
    }

    // ---------------------------------------------------------------- autograd

    /** Whether gradients flow back to or through this tensor. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /**
     * Marks a leaf tensor (one not computed by an operation) as a parameter whose gradient
     * {@link #backward()} should accumulate.
     *
     * @return this tensor, for chaining
     */
    public Tensor requiresGrad(boolean requires) {
        if (gradFn != null) {
            throw new IllegalStateException("requiresGrad: this tensor was computed by " + gradFn.name()
                    + "; only leaves can be marked (use detach() for a new leaf)");
        }
        if (requires && !dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("requiresGrad: a " + dtype() + " tensor cannot carry gradients; use F32 or F64");
        }
        this.requiresGrad = requires;
        return this;
    }

    /** The accumulated gradient of a leaf, or null before the first backward pass. */
    public Tensor grad() {
        return grad;
    }

    /** Forgets the accumulated gradient. */
    public void zeroGrad() {
        grad = null;
    }

    /** The operation that computed this tensor, or null for a leaf. */
    public Node gradFn() {
        return gradFn;
    }

    /** Back-propagates from a one-element tensor (a loss) with gradient 1. */
    public void backward() {
        if (numel() != 1) {
            throw new IllegalStateException("backward: the output has shape " + Shape.str(shape())
                    + "; backward() without an argument needs one element (a loss); pass the upstream gradient otherwise");
        }
        backward(onesLike(this));
    }

    /** Back-propagates the given gradient of this tensor; see {@link Autograd}. */
    public void backward(Tensor gradOutput) {
        Autograd.backward(this, gradOutput);
    }

    /** The same data as a new leaf that is not part of any graph. */
    public Tensor detach() {
        return Trace.record("detach", java.util.Map.of(), new Tensor(array), this); // the same values: an exported graph computes them
    }

    /**
     * Overwrites this tensor's elements with {@code source} (broadcast to this shape): the one
     * in-place operation, for optimizer updates. Allowed on tensors in a graph only inside
     * {@link NoGrad}; bumps the storage version so stale graph nodes notice.
     *
     * @return this tensor
     */
    public Tensor copyFrom(Tensor source) {
        if (NoGrad.isGradEnabled() && (requiresGrad || gradFn != null)) {
            throw new IllegalStateException("copyFrom: an in-place write to a tensor that requires a gradient would break autograd; "
                    + "do it inside try (var scope = NoGrad.enter()) { ... }");
        }
        Backend checked = Arithmetic.sameBackend("copyFrom", this, source);
        checked.copy(source.expand(array.shape()).array, array);
        array.storage().bumpVersion();
        return this;
    }

    void attach(Node node) {
        this.gradFn = node;
        this.requiresGrad = true;
    }

    void accumulateGrad(Tensor increment) {
        grad = grad == null ? increment.detach().clone() : grad.add(increment.contiguous()); // strided: one fast copy, not a slow add
    }

    // ---------------------------------------------------------------- element-wise

    /** {@code this + other}, broadcasting. */
    public Tensor add(Tensor other) {
        return Arithmetic.add(this, other);
    }

    /** {@code this + value}. */
    public Tensor add(double value) {
        return Arithmetic.add(this, scalarLike(value));
    }

    /** {@code this − other}, broadcasting. */
    public Tensor sub(Tensor other) {
        return Arithmetic.sub(this, other);
    }

    /** {@code this − value}. */
    public Tensor sub(double value) {
        return Arithmetic.sub(this, scalarLike(value));
    }

    /** {@code value − this}: the scalar first, as PyTorch's {@code rsub} (and Python's {@code 1 - x}). */
    public Tensor rsub(double value) {
        return Arithmetic.sub(scalarLike(value), this);
    }

    /** {@code this · other} element by element, broadcasting. */
    public Tensor mul(Tensor other) {
        return Arithmetic.mul(this, other);
    }

    /** {@code this · value}. */
    public Tensor mul(double value) {
        return Arithmetic.mul(this, scalarLike(value));
    }

    /** {@code this / other} element by element, broadcasting. */
    public Tensor div(Tensor other) {
        return Arithmetic.div(this, other);
    }

    /** {@code this / value}. */
    public Tensor div(double value) {
        return Arithmetic.div(this, scalarLike(value));
    }

    /** {@code value / this}: the scalar first, as Python's {@code 1 / x}. */
    public Tensor rdiv(double value) {
        return Arithmetic.div(scalarLike(value), this);
    }

    /** Element-wise maximum, broadcasting. */
    public Tensor maximum(Tensor other) {
        return Arithmetic.maximum(this, other);
    }

    /** Element-wise minimum, broadcasting. */
    public Tensor minimum(Tensor other) {
        return Arithmetic.minimum(this, other);
    }

    /** {@code −this}. */
    public Tensor neg() {
        return Elementwise.neg(this);
    }

    /** {@code this^exponent} element by element. */
    public Tensor pow(double exponent) {
        return Elementwise.pow(this, exponent);
    }

    /** {@code this^exponent} element by element, broadcasting (the base positive where the exponent's gradient is wanted). */
    public Tensor pow(Tensor exponent) {
        return Arithmetic.pow(this, exponent);
    }

    /** e to the power of each element. */
    public Tensor exp() {
        return Elementwise.exp(this);
    }

    /** Natural logarithm. */
    public Tensor log() {
        return Elementwise.log(this);
    }

    /** Square root. */
    public Tensor sqrt() {
        return Elementwise.sqrt(this);
    }

    /** Absolute value. */
    public Tensor abs() {
        return Elementwise.abs(this);
    }

    /** {@code max(x, 0)}. */
    public Tensor relu() {
        return Elementwise.relu(this);
    }

    /** x for positive x, {@code slope · x} otherwise. */
    public Tensor leakyRelu(double slope) {
        return Elementwise.leakyRelu(this, slope);
    }

    /** {@code 1 / (1 + e^−x)}. */
    public Tensor sigmoid() {
        return Elementwise.sigmoid(this);
    }

    /** Hyperbolic tangent. */
    public Tensor tanh() {
        return Elementwise.tanh(this);
    }

    /** {@code log(1 + e^x)}, a smooth relu. */
    public Tensor softplus() {
        return Elementwise.softplus(this);
    }

    /** The error function, 2/√π ∫₀ˣ e^(−t²) dt. */
    public Tensor erf() {
        return Elementwise.erf(this);
    }

    /** GELU, x·Φ(x) (the exact form, with erf). */
    public Tensor gelu() {
        return Elementwise.gelu(this);
    }

    /** SiLU (swish), x·σ(x). */
    public Tensor silu() {
        return Elementwise.silu(this);
    }

    /** ELU: x for x &gt; 0, α(eˣ − 1) otherwise. */
    public Tensor elu(double alpha) {
        return Elementwise.elu(this, alpha);
    }

    /** Each element limited to [min, max]. */
    public Tensor clamp(double min, double max) {
        return Elementwise.clamp(this, min, max);
    }

    // ---------------------------------------------------------------- reductions

    /** Sum of all elements (rank 0). */
    public Tensor sum() {
        return Reductions.sum(this, new int[0], false);
    }

    /** Sum over the given axes. */
    public Tensor sum(int[] axes, boolean keepDim) {
        return Reductions.sum(this, axes, keepDim);
    }

    /** Mean of all elements (rank 0). */
    public Tensor mean() {
        return Reductions.mean(this, new int[0], false);
    }

    /** Mean over the given axes. */
    public Tensor mean(int[] axes, boolean keepDim) {
        return Reductions.mean(this, axes, keepDim);
    }

    /** Largest element (rank 0). */
    public Tensor max() {
        return Reductions.max(this, new int[0], false);
    }

    /** Largest element over the given axes. */
    public Tensor max(int[] axes, boolean keepDim) {
        return Reductions.max(this, axes, keepDim);
    }

    /** Smallest element (rank 0). */
    public Tensor min() {
        return Reductions.min(this, new int[0], false);
    }

    /** Smallest element over the given axes. */
    public Tensor min(int[] axes, boolean keepDim) {
        return Reductions.min(this, axes, keepDim);
    }

    /** The sample variance (dividing by n − 1, PyTorch's default) over the given axes. */
    public Tensor var(int[] axes, boolean keepDim) {
        return Reductions.var(this, axes, true, keepDim);
    }

    /** The variance over the given axes: dividing by n − 1 when unbiased, by n (as batch normalisation does) otherwise. */
    public Tensor var(int[] axes, boolean unbiased, boolean keepDim) {
        return Reductions.var(this, axes, unbiased, keepDim);
    }

    /** The sample standard deviation (n − 1, PyTorch's default) over the given axes. */
    public Tensor std(int[] axes, boolean keepDim) {
        return Reductions.std(this, axes, true, keepDim);
    }

    /** The standard deviation over the given axes, unbiased (n − 1) or not (n). */
    public Tensor std(int[] axes, boolean unbiased, boolean keepDim) {
        return Reductions.std(this, axes, unbiased, keepDim);
    }

    /** 1 where this equals {@code other} (broadcasting), else 0, in this tensor's type. Not differentiable. */
    public Tensor eq(Tensor other) {
        return Arithmetic.compare(BinaryOp.EQ, this, other);
    }

    /** 1 where this is greater than {@code other} (broadcasting), else 0. Not differentiable. */
    public Tensor gt(Tensor other) {
        return Arithmetic.compare(BinaryOp.GT, this, other);
    }

    /** 1 where this is greater than or equal to {@code other} (broadcasting), else 0. Not differentiable. */
    public Tensor ge(Tensor other) {
        return Arithmetic.compare(BinaryOp.GE, this, other);
    }

    /** 1 where this is less than {@code other} (broadcasting), else 0. Not differentiable. */
    public Tensor lt(Tensor other) {
        return Arithmetic.compare(BinaryOp.LT, this, other);
    }

    /** 1 where this is less than or equal to {@code other} (broadcasting), else 0. Not differentiable. */
    public Tensor le(Tensor other) {
        return Arithmetic.compare(BinaryOp.LE, this, other);
    }

    /** The position (I32) of the largest element of the flattened tensor. Not differentiable. */
    public Tensor argmax() {
        return Reductions.argmax(reshape(-1), 0, false);
    }

    /** The positions (I32) of the largest elements along one axis; the first where several tie. Not differentiable. */
    public Tensor argmax(int axis, boolean keepDim) {
        return Reductions.argmax(this, axis, keepDim);
    }

    /** The position (I32) of the smallest element of the flattened tensor. Not differentiable. */
    public Tensor argmin() {
        return Reductions.argmin(reshape(-1), 0, false);
    }

    /** The positions (I32) of the smallest elements along one axis; the first where several tie. Not differentiable. */
    public Tensor argmin(int axis, boolean keepDim) {
        return Reductions.argmin(this, axis, keepDim);
    }

    /** {@code log Σ e^x} over the given axes, computed without overflow. */
    public Tensor logsumexp(int[] axes, boolean keepDim) {
        return Reductions.logsumexp(this, axes, keepDim);
    }

    /** {@code e^x / Σ e^x} along one axis. */
    public Tensor softmax(int axis) {
        return Softmax.softmax(this, axis);
    }

    /** {@code x − logsumexp(x)} along one axis. */
    public Tensor logSoftmax(int axis) {
        return Softmax.logSoftmax(this, axis);
    }

    // ---------------------------------------------------------------- linear algebra and images

    /** Matrix product of rank-2 tensors, or batched over leading axes with broadcasting. */
    public Tensor matmul(Tensor other) {
        return MatMul.matmul(this, other);
    }

    /** 2-d cross-correlation of [N, C, H, W] with weight [F, C, kH, kW] and an optional bias [F]. */
    public Tensor conv2d(Tensor weight, Tensor bias, int stride, int padding, int dilation) {
        return Convolution.conv2d(this, weight, bias, Conv2dGeometry.square(stride, padding, dilation));
    }

    /**
     * Grouped 2-d cross-correlation: [N, C, H, W] with weight [F, C/groups, kH, kW], each group of
     * F/groups filters seeing its C/groups channels; groups = C = F is a depthwise convolution.
     */
    public Tensor conv2d(Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        return GroupedConvolution.conv2d(this, weight, bias, Conv2dGeometry.square(stride, padding, dilation), groups);
    }

    /** Transposed convolution of [N, Cin, H, W] with weight [Cin, Cout, kH, kW] and an optional bias [Cout]. */
    public Tensor convTranspose2d(Tensor weight, Tensor bias, int stride, int padding, int outputPadding) {
        return Convolution.convTranspose2d(this, weight, bias, Conv2dGeometry.square(stride, padding, 1), outputPadding);
    }

    /** Maximum over kernel×kernel windows of [N, C, H, W]. */
    public Tensor maxPool2d(int kernel, int stride, int padding) {
        return Pooling.maxPool2d(this, new Pool2dGeometry(kernel, stride, padding));
    }

    /** Maximum over kernel×kernel windows that do not overlap (stride = kernel, PyTorch's default). */
    public Tensor maxPool2d(int kernel) {
        return maxPool2d(kernel, kernel, 0);
    }

    /** Mean over kernel×kernel windows of [N, C, H, W] (zero padding counts towards the mean). */
    public Tensor avgPool2d(int kernel, int stride, int padding) {
        return Pooling.avgPool2d(this, new Pool2dGeometry(kernel, stride, padding));
    }

    /** Mean over kernel×kernel windows that do not overlap (stride = kernel, PyTorch's default). */
    public Tensor avgPool2d(int kernel) {
        return avgPool2d(kernel, kernel, 0);
    }

    /** Rearranges [N, C·r², H, W] into [N, C, H·r, W·r]. */
    public Tensor pixelShuffle(int factor) {
        return Resampling.pixelShuffle(this, factor);
    }

    /** Repeats each pixel of [N, C, H, W] into a scale×scale block. */
    public Tensor upsampleNearest(int scale) {
        return Resampling.upsampleNearest(this, scale);
    }

    /** Bilinear resampling of [N, C, H, W] to [N, C, height, width] (PyTorch's interpolate with size=, align_corners=False). */
    public Tensor resizeBilinear(int height, int width) {
        return Resampling.bilinear(this, height, width, (double) size(2) / height, (double) size(3) / width);
    }

    /** Bicubic resampling of [N, C, H, W] to [N, C, height, width] (PyTorch's interpolate with mode="bicubic", align_corners=False). */
    public Tensor resizeBicubic(int height, int width) {
        return Resampling.bicubic(this, height, width);
    }

    /** Bilinear resampling of [N, C, H, W] by {@code scale} (PyTorch's interpolate with scale_factor=): [N, C, ⌊H·s⌋, ⌊W·s⌋]. */
    public Tensor upsampleBilinear(double scale) {
        if (!(scale > 0) || (int) Math.floor(size(2) * scale) < 1 || (int) Math.floor(size(3) * scale) < 1) {
            throw new IllegalArgumentException("upsampleBilinear: scale " + scale + " leaves no pixel of " + Shape.str(shape()));
        }
        return Resampling.bilinear(this, (int) Math.floor(size(2) * scale), (int) Math.floor(size(3) * scale), 1 / scale, 1 / scale);
    }

    /** Bilinear sampling of [N, C, H, W] at points [N, Ho, Wo, 2] ((x, y) in [−1, 1]; 0 beyond the picture): [N, C, Ho, Wo]. */
    public Tensor gridSample(Tensor grid) {
        return Sampling.gridSample(this, grid);
    }

    /** The softmax-weighted mean position of each heatmap of [N, K, H, W]: points [N, K, 2], (x, y) in [−1, 1]. */
    public Tensor softArgmax() {
        return Sampling.softArgmax(this);
    }

    /** Pads the last axes with value: (before, after) pairs starting from the last axis, as in PyTorch. */
    public Tensor pad(int[] padding, double value) {
        return Padding.pad(this, padding, value);
    }

    /** Normalises each plane of [N, C, H, W] to mean 0 and variance 1 (σ² + ε under the root). */
    public Tensor instanceNorm(double eps) {
        return Normalization.instanceNorm(this, eps);
    }

    /** Batch normalisation in training: each channel of [N, C] or [N, C, H, W] normalised over the batch (and pixels), scaled by γ [C], shifted by β [C] ({@link Normalization#batchNorm}). */
    public Tensor batchNorm(Tensor gamma, Tensor beta, double eps) {
        return Normalization.batchNorm(this, gamma, beta, eps).output();
    }

    /** Pads the last axes by reflection (mirrored at the edges): pairs as for {@link #pad}. */
    public Tensor padReflect(int... padding) {
        return Padding.reflect(this, padding);
    }

    // ---------------------------------------------------------------- views and assembly

    /** The same elements in another shape; one size may be -1 (inferred). Copies only when no view fits. */
    public Tensor reshape(int... newShape) {
        return Views.reshape(this, newShape);
    }

    /** Like {@link #reshape} but never copies: fails when the strides do not allow a view. */
    public Tensor view(int... newShape) {
        return Views.view(this, newShape);
    }

    /** Reorders the axes: axis i of the result is axis {@code order[i]} of this tensor. */
    public Tensor permute(int... order) {
        return Views.permute(this, order);
    }

    /** Swaps two axes. */
    public Tensor transpose(int axisA, int axisB) {
        return Views.transpose(this, axisA, axisB);
    }

    /** The elements {@code start .. start + length − 1} along one axis, as a view. */
    public Tensor narrow(int axis, int start, int length) {
        return Views.slice(this, axis, start, start + length, 1);
    }

    /** Every step-th element from start up to but excluding end along one axis, as a view. */
    public Tensor slice(int axis, int start, int end, int step) {
        return Views.slice(this, axis, start, end, step);
    }

    /** Repeats axes of size 1 (and new leading axes) to the given shape without copying. */
    public Tensor expand(int... newShape) {
        return Views.expand(this, newShape);
    }

    /**
     * A copy in new memory (PyTorch's {@code clone()}): writing to one never changes the other.
     * Unlike {@link #to(DType)} it stays in the graph: the gradient passes through to this tensor.
     */
    @Override
    public Tensor clone() {
        return Views.copy("clone", this);
    }

    /** A row-major copy, or this tensor when already contiguous. */
    public Tensor contiguous() {
        return Views.contiguous(this);
    }

    /** Inserts an axis of size 1. */
    public Tensor unsqueeze(int axis) {
        return Views.unsqueeze(this, axis);
    }

    /** Removes an axis of size 1. */
    public Tensor squeeze(int axis) {
        return Views.squeeze(this, axis);
    }

    /** Joins tensors along an existing axis. */
    public static Tensor concat(List<Tensor> tensors, int axis) {
        return Concatenation.concat(tensors, axis);
    }

    /** Joins same-shape tensors along a new axis. */
    public static Tensor stack(List<Tensor> tensors, int axis) {
        return Concatenation.stack(tensors, axis);
    }

    /** Picks {@code a} where condition is non-zero and {@code b} elsewhere, broadcasting all three. */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        return Selection.where(condition, a, b);
    }

    /** Elements at the positions an I32 index tensor names along one axis (out has index's shape). */
    public Tensor gather(int axis, Tensor index) {
        return Selection.gather(this, axis, index);
    }

    /** The slices at the positions a rank-1 I32 index names along one axis. */
    public Tensor indexSelect(int axis, Tensor index) {
        return Selection.indexSelect(this, axis, index);
    }

    @Override
    public String toString() {
        return TensorFormat.format(this);
    }
}
