package dev.masquerade.kernels;

import static org.jocl.CL.CL_DEVICE_LOCAL_MEM_SIZE;
import static org.jocl.CL.clGetDeviceInfo;

import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.engine.array.StridedArray;
import dev.masquerade.engine.backend.ReduceOp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;

/**
 * The matrix products of one OpenCL device, for {@link OpenClBackend}: the kernels of the
 * ladder (tutorials/19-matmul-ladder.md), rung 4 with a {@link Tiling} tuned per product shape
 * for GPUs, and the packed CPU kernel with a tuned block for CPU devices. Convolutions reach
 * them through the backend's matmul.
 */
final class OpenClMatmul {
    private final OpenClBackend backend;
    private final OpenCl.DeviceEntry entry;
    private final Programs programs;

    OpenClMatmul(OpenClBackend backend, OpenCl.DeviceEntry entry, Programs programs) {
        this.backend = backend;
        this.entry = entry;
        this.programs = programs;
        this.kernel = Kernel.choose(entry);
    }

    /** The matmul kernels of the ladder (tutorials/19-matmul-ladder.md explains why each rung is faster). */
    enum Kernel {
        /** Rung 1: one element per work-item straight from global memory. */
        NAIVE,
        /** Rung 2: 16×16 tiles staged in local memory. */
        TILED,
        /** Rung 3: 32×32 tiles, 8 elements of a column per work-item. */
        MORE_WORK,
        /** Rung 4: 64×64 tiles, a 4×4 block per work-item in registers, tiles staged with float4 loads. */
        REGISTER_BLOCKED,
        /** For GPUs: rung 4's kernel with the {@link Tiling} timed fastest for each product shape, split-K included. */
        TUNED,
        /** For CPU devices: packed panels, a tuned block of C per work-item in float8 registers, no barriers. */
        CPU;

        /** The system property {@code masquerade.opencl.matmul} (naive, tiled, more_work, register_blocked, tuned or cpu), else by device type. */
        static Kernel choose(OpenCl.DeviceEntry device) {
            String chosen = System.getProperty("masquerade.opencl.matmul");
            if (chosen != null && !chosen.isBlank()) {
                try {
                    return valueOf(chosen.trim().toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("masquerade.opencl.matmul=" + chosen
                            + " is not one of naive, tiled, more_work, register_blocked, tuned, cpu");
                }
            }
            return device.isCpu() ? CPU : TUNED;
        }
    }

    private static final int TILE = 16;
    /** Rung 3's tile (TS in matmul_more_work.cl) and the elements each work-item computes (WPT). */
    private static final int WIDE_TILE = 32;
    private static final int WORK_PER_ITEM = 8;
    /** Below this many floating-point operations a product is not worth timing candidates for: it takes {@link Tiling#SMALL}. */
    private static final double WORTH_TUNING_FLOPS = 1 << 24;

    private static long tiles(int size, int tile) {
        return (size + tile - 1) / tile;
    }
    private final Kernel kernel;
    private MatmulTuner.Block cpuBlock;
    private final MatmulTuner tilingTuner = new MatmulTuner(MatmulTuner.DEFAULT_CACHE);
    /** The tuned tiling per product shape, in this process (the tuner's file remembers them across runs). */
    private final Map<String, Tiling> tilings = new HashMap<>();
    private List<Tiling> feasibleTilings;

    /** The product with this device's kernel: out[b] = op(a[b]) · op(b[b]), transposed where told. */
    void matmul(StridedArray a, boolean transposeA, StridedArray b, boolean transposeB, StridedArray out) {
        matmul(kernel, a, transposeA, b, transposeB, out);
    }

    /** The product with a given kernel of the ladder (tests and benchmarks compare them). */
    void matmul(Kernel kernel, StridedArray a, boolean transposeA, StridedArray b, boolean transposeB, StridedArray out) {
        OpenClBackend.requireFloat("matmul", a, b, out);
        int m = out.size(1), n = out.size(2), k = transposeA ? a.size(1) : a.size(2);
        StridedArray target = out.isContiguous() && out.offset() == 0 ? out
                : StridedArray.of(backend.allocate(DType.F32, out.numel()), out.shape(), Shape.contiguousStrides(out.shape()), 0);
        if (kernel == Kernel.CPU) {
            matmulCpu(cpuBlock(), a, transposeA, b, transposeB, target);
        } else if (kernel == Kernel.REGISTER_BLOCKED || kernel == Kernel.TUNED) {
            Tiling tiling = kernel == Kernel.TUNED ? tiling(a, transposeA, b, transposeB, target) : Tiling.RUNG_4;
            matmulTiled(tiling, a, transposeA, b, transposeB, target);
        } else {
            int[] as = a.strides();
            int aRow = transposeA ? as[2] : as[1], aCol = transposeA ? as[1] : as[2];
            int[] bs = b.strides();
            int bRow = transposeB ? bs[2] : bs[1], bCol = transposeB ? bs[1] : bs[2];
            long[] global;
            long[] local;
            String file;
            String defines = ""; // the tile sizes the launch geometry below assumes, passed to the compiler
            switch (kernel) {
                case TILED -> {
                    global = new long[] {tiles(n, TILE) * TILE, tiles(m, TILE) * TILE, out.size(0)};
                    local = new long[] {TILE, TILE, 1};
                    file = "matmul_tiled";
                    defines = "-DTS=" + TILE;
                }
                case MORE_WORK -> {
                    global = new long[] {tiles(n, WIDE_TILE) * WIDE_TILE, tiles(m, WIDE_TILE) * (WIDE_TILE / WORK_PER_ITEM), out.size(0)};
                    local = new long[] {WIDE_TILE, WIDE_TILE / WORK_PER_ITEM, 1};
                    file = "matmul_more_work";
                    defines = "-DTS=" + WIDE_TILE + " -DWPT=" + WORK_PER_ITEM;
                }
                default -> {
                    global = new long[] {n, m, out.size(0)};
                    local = null;
                    file = "matmul_naive";
                }
            }
            backend.run(programs.kernel(file + ".cl", file, defines), global, local,
                    OpenClBackend.memory(target), OpenClBackend.memory(a), OpenClBackend.memory(b),
                    m, n, k, a.offset(), as[0], aRow, aCol, b.offset(), bs[0], bRow, bCol);
        }
        if (target != out) {
            backend.copy(target, out);
        }
    }

    /**
     * Rung 4's kernel with a given tiling into a contiguous {@code out}; where the tiling splits
     * the depth and the product allows it, each slice's product goes to a batch of partial
     * results, summed afterwards.
     */
    void matmulTiled(Tiling tiling, StridedArray a, boolean transposeA, StridedArray b, boolean transposeB, StridedArray out) {
        int m = out.size(1), n = out.size(2), k = transposeA ? a.size(1) : a.size(2);
        int[] as = a.strides(), bs = b.strides();
        int aRow = transposeA ? as[2] : as[1], aCol = transposeA ? as[1] : as[2];
        int bRow = transposeB ? bs[2] : bs[1], bCol = transposeB ? bs[1] : bs[2];
        if (!tiling.splitsProduct(out.size(0), k)) {
            launchTiled(tiling, out, a, as[0], aRow, aCol, b, bs[0], bRow, bCol, m, n, k, out.size(0));
            return;
        }
        int depth = k / tiling.splits();
        StridedArray partial = allocateContiguous(tiling.splits(), m, n);
        // slice s multiplies columns [s·depth, (s+1)·depth) of A by the same rows of B: the "batch" steps along the depth
        launchTiled(tiling, partial, a, depth * aCol, aRow, aCol, b, depth * bRow, bRow, bCol, m, n, depth, tiling.splits());
        backend.reduce(ReduceOp.SUM, partial, new int[] {0}, out);
    }

    private void launchTiled(Tiling t, StridedArray c, StridedArray a, int aBatch, int aRow, int aCol, StridedArray b, int bBatch, int bRow, int bCol,
                             int m, int n, int k, int batches) {
        long[] local = {t.tileN() / t.blockN(), t.tileM() / t.blockM(), 1};
        long[] global = {tiles(n, t.tileN()) * local[0], tiles(m, t.tileM()) * local[1], batches};
        backend.run(tiledKernel(t), global, local, OpenClBackend.memory(c), OpenClBackend.memory(a), OpenClBackend.memory(b),
                m, n, k, a.offset(), aBatch, aRow, aCol, b.offset(), bBatch, bRow, bCol);
    }

    private cl_kernel tiledKernel(Tiling t) {
        return programs.kernel("matmul_register_blocked.cl", "matmul_register_blocked", t.defines());
    }

    /**
     * The tiling for this product's shape: the fastest candidate, timed on the first product of
     * that shape and remembered (see {@link MatmulTuner}); small products take {@link Tiling#SMALL}.
     */
    private synchronized Tiling tiling(StridedArray a, boolean transposeA, StridedArray b, boolean transposeB, StridedArray out) {
        List<Tiling> candidates = feasibleTilings();
        int batches = out.size(0), m = out.size(1), n = out.size(2), k = transposeA ? a.size(1) : a.size(2);
        if (2.0 * batches * m * n * k < WORTH_TUNING_FLOPS) {
            return candidates.contains(Tiling.SMALL) ? Tiling.SMALL : candidates.get(0);
        }
        String shape = batches + "x" + m + "x" + n + "x" + k + (transposeA ? "T" : "N") + (transposeB ? "T" : "N");
        // a split candidate that would not split this product is rung 4 under another name: not timed twice
        List<Tiling> forShape = candidates.stream().filter(t -> t.splits() == 1 || t.splitsProduct(batches, k)).toList();
        return tilings.computeIfAbsent(shape, key -> tilingTuner.choose(entry.name() + " " + entry.version() + " " + key, forShape,
                Tiling::parse, t -> timeTiling(t, a, transposeA, b, transposeB, out)));
    }

    /** The candidates this device can run: local memory enough for the tiles, and work-groups as large as they need. */
    private synchronized List<Tiling> feasibleTilings() {
        if (feasibleTilings == null) {
            long[] localMemory = new long[1];
            clGetDeviceInfo(entry.device(), CL_DEVICE_LOCAL_MEM_SIZE, Sizeof.cl_ulong, Pointer.to(localMemory), null);
            List<Tiling> fitting = new ArrayList<>();
            for (Tiling t : Tiling.GPU_CANDIDATES) {
                if (t.localBytes() <= localMemory[0] && t.threads() <= programs.workGroupLimit(tiledKernel(t))) {
                    fitting.add(t);
                }
            }
            if (fitting.isEmpty()) {
                throw new UnsupportedOperationException("matmul: no tiling of matmul_register_blocked.cl fits " + entry.describe()
                        + "; run with -Dmasquerade.opencl.matmul=more_work");
            }
            feasibleTilings = List.copyOf(fitting);
        }
        return feasibleTilings;
    }

    /** Nanoseconds of the faster of two products with tiling t, after one that builds the kernel (the tuner's measure). */
    private long timeTiling(Tiling t, StridedArray a, boolean transposeA, StridedArray b, boolean transposeB, StridedArray out) {
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            matmulTiled(t, a, transposeA, b, transposeB, out);
            backend.finish();
            if (round > 0) {
                best = Math.min(best, System.nanoTime() - start);
            }
        }
        return best;
    }

    /** The CPU kernel's block for this device: tuned on first use, then cached (see {@link MatmulTuner}). */
    private synchronized MatmulTuner.Block cpuBlock() {
        if (cpuBlock == null) {
            cpuBlock = new MatmulTuner(MatmulTuner.DEFAULT_CACHE).choose(entry.name() + " " + entry.version(), this::timeCpuBlock);
        }
        return cpuBlock;
    }

    /** Nanoseconds of the fastest of three 512 × 512 products with {@code block} (the tuner's measure). */
    private long timeCpuBlock(MatmulTuner.Block block) {
        int n = 512;
        StridedArray x = StridedArray.contiguous(backend.upload(new java.util.Random(0).doubles(n * n).toArray(), DType.F32), 1, n, n);
        StridedArray y = allocateContiguous(1, n, n);
        matmulCpu(block, x, false, x, false, y); // the first run also builds the kernel
        backend.finish();
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            matmulCpu(block, x, false, x, false, y);
            backend.finish();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }

    /**
     * matmul_cpu.cl: A packed into panels of block.rows() rows, B into panels of block.columns()
     * columns (as the rows of Bᵀ), then one block of C per work-item. A transposed operand is
     * packed with its two strides swapped; an operand shared by every batch (stride 0) is packed once.
     */
    void matmulCpu(MatmulTuner.Block block, StridedArray a, boolean transposeA, StridedArray b, boolean transposeB, StridedArray out) {
        int m = out.size(1), n = out.size(2), k = transposeA ? a.size(1) : a.size(2);
        int[] as = a.strides(), bs = b.strides();
        String defines = block.defines();
        StridedArray packedA = packPanels(defines, a, m, k, block.rows(), transposeA ? as[2] : as[1], transposeA ? as[1] : as[2]);
        StridedArray packedB = packPanels(defines, b, n, k, block.columns(), transposeB ? bs[1] : bs[2], transposeB ? bs[2] : bs[1]);
        int rowPanels = packedA.size(1), colPanels = packedB.size(1);
        backend.run(programs.kernel("matmul_cpu.cl", "matmul_cpu", defines), new long[] {rowPanels, colPanels, out.size(0)}, null,
                OpenClBackend.memory(out), OpenClBackend.memory(packedA), OpenClBackend.memory(packedB), m, n, k, rowPanels,
                packedA.size(0) == 1 ? 0 : rowPanels, packedB.size(0) == 1 ? 0 : colPanels);
    }

    /**
     * pack_panels of matmul_cpu.cl: the rows × depth matrices of {@code x} (row and depth
     * strides given) as [batches, panels, depth·width], one batch when x repeats over the batch.
     */
    private StridedArray packPanels(String defines, StridedArray x, int rows, int depth, int width, int rowStride, int depthStride) {
        int batches = x.size(0) == 1 || x.strides()[0] == 0 ? 1 : x.size(0);
        int panels = (rows + width - 1) / width;
        StridedArray packed = allocateContiguous(batches, panels, depth * width);
        backend.run(programs.kernel("matmul_cpu.cl", "pack_panels", defines), new long[] {(long) depth * width, panels, batches}, null,
                OpenClBackend.memory(packed), OpenClBackend.memory(x), rows, depth, width, x.offset(), x.strides()[0], rowStride, depthStride);
        return packed;
    }

    private StridedArray allocateContiguous(int... shape) {
        return StridedArray.of(backend.allocate(DType.F32, Shape.numel(shape)), shape, Shape.contiguousStrides(shape), 0);
    }
}
