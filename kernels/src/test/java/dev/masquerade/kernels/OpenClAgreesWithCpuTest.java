package dev.masquerade.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.backend.AdamStep;
import dev.masquerade.engine.backend.BinaryOp;
import dev.masquerade.engine.backend.FusedAdam;
import dev.masquerade.engine.backend.ReduceOp;
import dev.masquerade.engine.backend.UnaryOp;
import dev.masquerade.engine.testing.Domain;
import dev.masquerade.engine.testing.Gens;
import dev.masquerade.engine.testing.GradCheck;
import dev.masquerade.engine.testing.HostTensor;
import dev.masquerade.engine.testing.Inputs;
import dev.masquerade.engine.testing.Layout;
import dev.masquerade.engine.testing.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What runs on OpenCL so far gives the CPU's answer (relative error ≤ 1e-4 in float32) on
 * random shapes, broadcast and permuted (non-contiguous) inputs included. The tests skip only
 * where no OpenCL platform exists; with -Dopencl.required=true (CI) they fail there instead.
 */
class OpenClAgreesWithCpuTest {
    private static final double TOLERANCE = 1e-4;
    private static final Device OPENCL = OpenClUnderTest.DEVICE;

    @BeforeAll
    static void requireOpenCl() {
        OpenClUnderTest.require();
    }

    /** Applies op to the inputs on the CPU and on OpenCL and compares the results. */
    private static void agree(Inputs in, Function<List<Tensor>, Tensor> op) {
        List<Tensor> cpu = new ArrayList<>();
        List<Tensor> device = new ArrayList<>();
        for (HostTensor h : in.materialize()) {
            Tensor t = h.toTensor(DType.F32);
            cpu.add(t);
            // the same memory layout on the device: a permuted input stays a strided view there
            Tensor memory = Tensor.asStrided(t.storage(), new int[] {t.storage().size()}, new int[] {1}, 0).to(OPENCL);
            device.add(Tensor.asStrided(memory.storage(), t.shape(), t.strides(), t.offset()));
        }
        try (var scope = NoGrad.enter()) {
            Tensor expected = op.apply(cpu);
            Tensor actual = op.apply(device);
            assertEquals(OPENCL, actual.device());
            double error = GradCheck.relativeError(actual.toDoubleArray(), expected.toDoubleArray());
            assertTrue(error <= TOLERANCE, "OpenCL differs from the CPU by " + error + " relative");
        }
    }

    @TestFactory
    Stream<DynamicTest> elementwiseFunctions() {
        List<DynamicTest> tests = new ArrayList<>();
        for (UnaryOp op : UnaryOp.values()) {
            Domain domain = switch (op) {
                case LOG, SQRT, POW -> Domain.real(0.5, 3);
                default -> Domain.any().avoiding(0);
            };
            double[] params = switch (op) {
                case LEAKY_RELU -> new double[] {0.1};
                case POW -> new double[] {2.5};
                case CLAMP -> new double[] {-1, 1};
                default -> new double[0];
            };
            tests.add(Property.forAll("unary " + op + " on OpenCL equals the CPU", Inputs.over(Gens.sameShape(1), List.of(domain)))
                    .test(in -> agree(in, t -> {
                        Tensor out = Tensor.empty(DType.F32, t.get(0).device(), t.get(0).shape());
                        t.get(0).backend().unary(op, t.get(0).array(), out.array(), params);
                        return out;
                    })));
        }
        for (BinaryOp op : BinaryOp.values()) {
            List<Domain> domains = switch (op) {
                case DIV -> List.of(Domain.real(0.5, 2));
                case POW -> List.of(Domain.real(0.5, 3), Domain.real(-2, 2)); // a positive base: real powers
                default -> List.of(Domain.any());
            };
            tests.add(Property.forAll("binary " + op + " on OpenCL equals the CPU (broadcasting)", Inputs.over(Gens.broadcastable(2), domains))
                    .test(in -> agree(in, t -> {
                        int[] shape = dev.masquerade.engine.array.Shape.broadcast("test", t.get(0).shape(), t.get(1).shape());
                        Tensor out = Tensor.empty(DType.F32, t.get(0).device(), shape);
                        t.get(0).backend().binary(op, t.get(0).expand(shape).array(), t.get(1).expand(shape).array(), out.array());
                        return out;
                    })));
        }
        tests.add(Property.forAll("where on OpenCL equals the CPU", Inputs.over(Gens.broadcastable(3), List.of(Domain.mask(), Domain.any())))
                .test(in -> agree(in, t -> Tensor.where(t.get(0), t.get(1), t.get(2)))));
        tests.add(Property.forAll("contiguous copies of transposed views on OpenCL equal the CPU", Inputs.over(Gens.shapeWithAxis(), List.of(Domain.any())))
                .test(in -> agree(in, t -> t.get(0).transpose(in.layout().param(5), -1).contiguous())));
        return tests.stream();
    }

    /** A product on random shapes (transposed operands, batches) by the given device way equals the CPU's. */
    private static DynamicTest ladderProperty(String name, DeviceMatmul way) {
        int[] sizes = {1, 2, 7, 16, 17, 33, 64, 129};
        // params [m, k, n as indices into sizes, batches, transpose A, transpose B]
        var layouts = Gens.structured(new int[] {0, 0, 0, 1, 0, 0}, new int[] {7, 7, 7, 2, 1, 1}, p -> true, p -> {
            int m = sizes[p[0]], k = sizes[p[1]], n = sizes[p[2]];
            return List.of(p[4] == 1 ? new int[] {p[3], k, m} : new int[] {p[3], m, k}, p[5] == 1 ? new int[] {p[3], n, k} : new int[] {p[3], k, n});
        });
        return Property.forAll(name + " equals the CPU", Inputs.over(layouts, List.of(Domain.any()))).test(in -> agree(in,
                t -> product(t, in.layout().param(4) == 1, in.layout().param(5) == 1, way)));
    }

    private static DeviceMatmul rung(OpenClMatmul.Kernel kernel) {
        OpenClMatmul device = ((OpenClBackend) dev.masquerade.engine.backend.Backends.of(OPENCL)).matmuls();
        return (a, ta, b, tb, out) -> device.matmul(kernel, a.array(), ta, b.array(), tb, out.array());
    }

    /** Coursework task 3.2: the tiled rung, matmul_tiled.cl, whose stub computes nothing. */
    @Tag("task-3.2")
    @TestFactory
    Stream<DynamicTest> theTiledRungOfTheMatmulLadder() {
        return Stream.of(ladderProperty("matmul kernel " + OpenClMatmul.Kernel.TILED, rung(OpenClMatmul.Kernel.TILED)));
    }

    @TestFactory
    Stream<DynamicTest> everyOtherRungOfTheMatmulLadder() {
        OpenClMatmul device = ((OpenClBackend) dev.masquerade.engine.backend.Backends.of(OPENCL)).matmuls();
        java.util.Map<String, DeviceMatmul> variants = new java.util.LinkedHashMap<>();
        for (OpenClMatmul.Kernel kernel : OpenClMatmul.Kernel.values()) {
            if (kernel != OpenClMatmul.Kernel.TILED) {
                variants.put("matmul kernel " + kernel, rung(kernel));
            }
        }
        for (MatmulTuner.Block block : MatmulTuner.CANDIDATES) {
            variants.put("matmul_cpu.cl with the tuner's block " + block, (a, ta, b, tb, out) -> device.matmulCpu(block, a.array(), ta, b.array(), tb, out.array()));
        }
        for (Tiling tiling : Tiling.GPU_CANDIDATES) {
            variants.put("matmul_register_blocked.cl with the GPU tiling " + tiling, (a, ta, b, tb, out) -> device.matmulTiled(tiling, a.array(), ta, b.array(), tb, out.array()));
        }
        return variants.entrySet().stream().map(variant -> ladderProperty(variant.getKey(), variant.getValue()));
    }

    @Test
    void theTunedKernelTimesTheTilingsOnANewShapeAndGivesTheCpusAnswer() {
        // 2·256³ floating-point operations: large enough to be tuned (small products take Tiling.SMALL untimed)
        Tensor a = Tensor.randn(new Rng(1), 1, 256, 256), b = Tensor.randn(new Rng(2), 1, 256, 256);
        Tensor expected = Tensor.empty(DType.F32, Device.CPU, 1, 256, 256);
        a.backend().matmul(a.array(), false, b.array(), true, expected.array());
        OpenClMatmul device = ((OpenClBackend) dev.masquerade.engine.backend.Backends.of(OPENCL)).matmuls();
        Tensor actual = Tensor.empty(DType.F32, OPENCL, 1, 256, 256);
        device.matmul(OpenClMatmul.Kernel.TUNED, a.to(OPENCL).array(), false, b.to(OPENCL).array(), true, actual.array());
        double error = GradCheck.relativeError(actual.toDoubleArray(), expected.toDoubleArray());
        assertTrue(error <= TOLERANCE, "the tuned kernel differs from the CPU by " + error + " relative");
    }

    /** The product of the two inputs (transposed as told): on OpenCL the given way, on the CPU by its backend. */
    private static Tensor product(List<Tensor> t, boolean ta, boolean tb, DeviceMatmul onDevice) {
        int m = ta ? t.get(0).size(2) : t.get(0).size(1), n = tb ? t.get(1).size(1) : t.get(1).size(2);
        Tensor out = Tensor.empty(DType.F32, t.get(0).device(), t.get(0).size(0), m, n);
        if (t.get(0).device().equals(OPENCL)) {
            onDevice.run(t.get(0), ta, t.get(1), tb, out);
        } else {
            t.get(0).backend().matmul(t.get(0).array(), ta, t.get(1).array(), tb, out.array());
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> splitKSumsTheSlicesOfTheDepth() {
        int[] sizes = {1, 7, 33, 64, 129};
        int[] depths = {16, 32, 64, 256};
        // params [m, k, n as indices, transpose A, transpose B]: one matrix, a depth every split divides
        var layouts = Gens.structured(new int[] {0, 0, 0, 0, 0}, new int[] {4, 3, 4, 1, 1}, p -> true, p -> {
            int m = sizes[p[0]], k = depths[p[1]], n = sizes[p[2]];
            return List.of(p[3] == 1 ? new int[] {1, k, m} : new int[] {1, m, k}, p[4] == 1 ? new int[] {1, n, k} : new int[] {1, k, n});
        });
        OpenClMatmul device = ((OpenClBackend) dev.masquerade.engine.backend.Backends.of(OPENCL)).matmuls();
        return Tiling.GPU_CANDIDATES.stream().filter(t -> t.splits() > 1).map(tiling ->
                Property.forAll("split-K " + tiling + " equals the CPU", Inputs.over(layouts, List.of(Domain.any()))).test(in -> agree(in,
                        t -> product(t, in.layout().param(3) == 1, in.layout().param(4) == 1,
                                (a, ta, b, tb, out) -> device.matmulTiled(tiling, a.array(), ta, b.array(), tb, out.array())))));
    }

    /** One way of multiplying on the device: a rung of the ladder, the CPU kernel with a given block, or rung 4 with a given tiling. */
    private interface DeviceMatmul {
        void run(Tensor a, boolean transposeA, Tensor b, boolean transposeB, Tensor out);
    }

    @TestFactory
    Stream<DynamicTest> matmul() {
        int[] sizes = {1, 2, 7, 16, 33, 64, 129};
        var layouts = Gens.structured(new int[] {0, 0, 0, 1}, new int[] {6, 6, 6, 3}, p -> true,
                p -> List.of(new int[] {p[3], sizes[p[0]], sizes[p[1]]}, new int[] {sizes[p[1]], sizes[p[2]]}));
        return Stream.of(
                Property.forAll("matmul on OpenCL equals the CPU", Inputs.over(layouts, List.of(Domain.any())))
                        .test(in -> agree(in, t -> t.get(0).matmul(t.get(1)))),
                Property.forAll("matmul of transposed views on OpenCL equals the CPU", Inputs.over(layouts, List.of(Domain.any())))
                        .test(in -> agree(in, t -> t.get(1).transpose(0, 1).matmul(t.get(0).transpose(1, 2)))));
    }

    @TestFactory
    Stream<DynamicTest> reductions() {
        // params [rank, 4 sizes, bit mask of reduced axes (0 = every axis), keepDim, work-groups per output - 1]
        var layouts = Gens.structured(new int[] {0, 1, 1, 1, 1, 0, 0, 0}, new int[] {4, 5, 5, 5, 5, 15, 1, 3},
                p -> p[5] < (1 << p[0]), p -> List.of(java.util.Arrays.copyOfRange(p, 1, 1 + p[0])));
        return Stream.of(
                Property.forAll("sum over random axes on OpenCL equals the CPU", Inputs.over(layouts, List.of(Domain.any())))
                        .test(in -> agree(in, t -> t.get(0).sum(axes(in), in.layout().param(6) == 1))),
                Property.forAll("max over random axes on OpenCL equals the CPU", Inputs.over(layouts, List.of(Domain.any())))
                        .test(in -> agree(in, t -> t.get(0).max(axes(in), in.layout().param(6) == 1))),
                Property.forAll("sum and max by one or more work-groups per output equal the CPU", Inputs.over(layouts, List.of(Domain.any())))
                        .test(in -> agree(in, t -> {
                            Tensor x = t.get(0);
                            int[] axes = axes(in).length == 0 ? java.util.stream.IntStream.range(0, x.rank()).toArray() : axes(in);
                            int[] kept = x.shape().clone();
                            for (int axis : axes) {
                                kept[axis] = 1;
                            }
                            Tensor sum = Tensor.empty(DType.F32, x.device(), kept), max = Tensor.empty(DType.F32, x.device(), kept);
                            if (x.device().equals(OPENCL)) {
                                OpenClBackend device = (OpenClBackend) x.backend();
                                int slices = 1 + in.layout().param(7);
                                device.reductions().reduce(true, slices, ReduceOp.SUM, x.array(), axes, sum.array());
                                device.reductions().reduce(true, slices, ReduceOp.MAX, x.array(), axes, max.array());
                            } else {
                                x.backend().reduce(ReduceOp.SUM, x.array(), axes, sum.array());
                                x.backend().reduce(ReduceOp.MAX, x.array(), axes, max.array());
                            }
                            return sum.add(max);
                        })));
    }

    @Test
    void aLongBlockCutAmongManyWorkGroupsGivesTheCpusSumAndMaximum() {
        // a loss's sum: one output of 100,000 elements; a bias gradient's: 3 outputs of 50,000 each, by strided blocks
        Tensor whole = Tensor.randn(new Rng(3), 100_000), rows = Tensor.randn(new Rng(4), 50_000, 3);
        OpenClBackend device = (OpenClBackend) dev.masquerade.engine.backend.Backends.of(OPENCL);
        for (ReduceOp op : ReduceOp.values()) {
            for (int slices : new int[] {2, 13, 64}) {
                Tensor ofWhole = Tensor.empty(DType.F32, OPENCL, 1), ofRows = Tensor.empty(DType.F32, OPENCL, 1, 3);
                device.reductions().reduce(true, slices, op, whole.to(OPENCL).array(), new int[] {0}, ofWhole.array());
                device.reductions().reduce(true, slices, op, rows.to(OPENCL).array(), new int[] {0}, ofRows.array());
                Tensor expectedWhole = Tensor.empty(DType.F32, Device.CPU, 1), expectedRows = Tensor.empty(DType.F32, Device.CPU, 1, 3);
                whole.backend().reduce(op, whole.array(), new int[] {0}, expectedWhole.array());
                rows.backend().reduce(op, rows.array(), new int[] {0}, expectedRows.array());
                assertTrue(GradCheck.relativeError(ofWhole.toDoubleArray(), expectedWhole.toDoubleArray()) <= TOLERANCE, op + " of 100,000 in " + slices);
                assertTrue(GradCheck.relativeError(ofRows.toDoubleArray(), expectedRows.toDoubleArray()) <= TOLERANCE, op + " of 3 x 50,000 in " + slices);
            }
        }
    }

    private static int[] axes(Inputs in) {
        return java.util.stream.IntStream.range(0, in.layout().param(0)).filter(a -> (in.layout().param(5) & (1 << a)) != 0).toArray();
    }

    /** The gradients of every input, computed on one device for upstream gradient u. */
    private static List<double[]> gradients(List<HostTensor> inputs, Device device, Function<List<Tensor>, Tensor> op, double[] u) {
        List<Tensor> leaves = new ArrayList<>();
        for (HostTensor h : inputs) {
            Tensor leaf = h.contiguousCopy().toTensor(DType.F32).to(device);
            leaves.add(leaf.dtype() == DType.I32 ? leaf : leaf.requiresGrad(true)); // indices get no gradient
        }
        Tensor y = op.apply(leaves);
        y.backward(Tensor.of(u, DType.F32, device, y.shape()));
        return leaves.stream().filter(Tensor::requiresGrad).map(leaf -> leaf.grad().toDoubleArray()).toList();
    }

    private static DynamicTest gradientsAgree(String name, dev.masquerade.engine.testing.Gen<Layout> layouts, Domain domain,
                                              Function<List<Tensor>, Tensor> op) {
        return gradientsAgree(name, layouts, List.of(domain), op);
    }

    private static DynamicTest gradientsAgree(String name, dev.masquerade.engine.testing.Gen<Layout> layouts, List<Domain> domains,
                                              Function<List<Tensor>, Tensor> op) {
        return Property.forAll(name + ": gradients on OpenCL equal the CPU", Inputs.over(layouts, domains)).test(in -> {
            List<HostTensor> host = in.materialize();
            int outputSize;
            try (var scope = NoGrad.enter()) {
                List<Tensor> probe = new ArrayList<>();
                for (HostTensor h : host) {
                    probe.add(h.contiguousCopy().toTensor(DType.F32));
                }
                outputSize = op.apply(probe).numel();
            }
            double[] u = GradCheck.upstream(new java.util.SplittableRandom(in.valueSeed()), outputSize);
            List<double[]> cpu = gradients(host, Device.CPU, op, u);
            List<double[]> device = gradients(host, OPENCL, op, u);
            for (int i = 0; i < cpu.size(); i++) {
                double error = GradCheck.relativeError(device.get(i), cpu.get(i));
                assertTrue(error <= TOLERANCE, "gradient of input " + i + " differs by " + error + " relative");
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> backwardPassesRunOnTheDevice() {
        var matmuls = Gens.structured(new int[] {1, 1, 1, 1}, new int[] {9, 9, 9, 3}, p -> true,
                p -> List.of(new int[] {p[3], p[0], p[1]}, new int[] {p[1], p[2]}));
        return Stream.of(
                gradientsAgree("add, broadcasting", Gens.broadcastable(2), Domain.any(), t -> t.get(0).add(t.get(1))),
                gradientsAgree("mul, broadcasting", Gens.broadcastable(2), Domain.any(), t -> t.get(0).mul(t.get(1))),
                gradientsAgree("div, broadcasting", Gens.broadcastable(2), Domain.real(0.5, 2), t -> t.get(0).div(t.get(1))),
                gradientsAgree("relu, exp, tanh", Gens.sameShape(1), Domain.any().avoiding(0), t -> t.get(0).relu().add(t.get(0).exp()).mul(t.get(0).tanh())),
                gradientsAgree("mean of squares", Gens.sameShape(1), Domain.any(), t -> t.get(0).mul(t.get(0)).mean()),
                gradientsAgree("batched matmul", matmuls, Domain.any(), t -> t.get(0).matmul(t.get(1))),
                gradientsAgree("max pooling", pools(), Domain.any().distinct(), t -> t.get(0).maxPool2d(2, 2, 0)),
                // cross-entropy: log-softmax (max, exp, sum, log) and gather, whose backward is scatter-add
                gradientsAgree("cross-entropy", Gens.structured(new int[] {1, 2}, new int[] {8, 9}, p -> true,
                        p -> List.of(new int[] {p[0], p[1]}, new int[] {p[0], 1})), List.of(Domain.any(), Domain.indices(l -> l.param(1))),
                        t -> t.get(0).logSoftmax(1).gather(1, t.get(1)).neg().mean()));
    }

    /** params [N, C, H, W] with H, W >= 2 for 2×2 pooling. */
    private static dev.masquerade.engine.testing.Gen<Layout> pools() {
        return Gens.structured(new int[] {1, 1, 2, 2}, new int[] {2, 3, 9, 9}, p -> true, p -> List.of(new int[] {p[0], p[1], p[2], p[3]}));
    }

    @TestFactory
    Stream<DynamicTest> selection() {
        var gathers = Gens.structured(new int[] {1, 1, 1}, new int[] {6, 6, 6}, p -> true,
                p -> List.of(new int[] {p[0], p[1]}, new int[] {p[0], p[2]}));
        return Stream.of(
                Property.forAll("max pooling on OpenCL equals the CPU", Inputs.over(pools(), List.of(Domain.any().distinct())))
                        .test(in -> agree(in, t -> t.get(0).maxPool2d(2, 2, 0))),
                Property.forAll("gather on OpenCL equals the CPU", Inputs.over(gathers, List.of(Domain.any(), Domain.indices(l -> l.param(1)))))
                        .test(in -> agree(in, t -> t.get(0).gather(1, t.get(1)))));
    }

    @Test
    void float64IsRefusedWithTheFix() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> Tensor.zeros(DType.F64, OPENCL, 2));
        assertTrue(e.getMessage().contains("F32") && e.getMessage().contains("F64 on the CPU"), e.getMessage());
    }

    /** params [N, C, H, W, F, kernel, stride, padding, dilation]. */
    private static dev.masquerade.engine.testing.Gen<Layout> convolutions() {
        return Gens.structured(new int[] {1, 1, 1, 1, 1, 1, 1, 0, 1}, new int[] {3, 4, 9, 9, 5, 3, 2, 1, 2},
                p -> Math.min(p[2], p[3]) + 2 * p[7] >= p[8] * (p[5] - 1) + 1,
                p -> List.of(new int[] {p[0], p[1], p[2], p[3]}, new int[] {p[4], p[1], p[5], p[5]}, new int[] {p[4]}));
    }

    @TestFactory
    Stream<DynamicTest> convolution() {
        // params [N, Cin, H, W, Cout, kernel]; stride 2 and padding 1 need a kernel of 3 or more for any input
        var transposed = Gens.structured(new int[] {1, 1, 1, 1, 1, 3}, new int[] {2, 3, 5, 5, 3, 4}, p -> true,
                p -> List.of(new int[] {p[0], p[1], p[2], p[3]}, new int[] {p[1], p[4], p[5], p[5]}));
        return Stream.of(
                Property.forAll("conv2d on OpenCL equals the CPU", Inputs.over(convolutions(), List.of(Domain.any())))
                        .test(in -> agree(in, t -> t.get(0).conv2d(t.get(1), t.get(2), in.layout().param(6), in.layout().param(7), in.layout().param(8)))),
                gradientsAgree("conv2d (input, weight and bias)", convolutions(), Domain.any(),
                        t -> t.get(0).conv2d(t.get(1), t.get(2), 1, 1, 1)),
                gradientsAgree("convTranspose2d", transposed, Domain.any(), t -> t.get(0).convTranspose2d(t.get(1), null, 2, 1, 0)));
    }

    @Test
    void theFusedAdamStepAgreesWithTheCpu() {
        Rng rng = new Rng(5);
        Tensor[] cpu = {Tensor.randn(rng, DType.F32, Device.CPU, 4, 300), Tensor.randn(rng, DType.F32, Device.CPU, 300, 4).transpose(0, 1),
                Tensor.randn(rng, DType.F32, Device.CPU, 4, 300), Tensor.rand(rng, DType.F32, Device.CPU, 4, 300)};
        Tensor[] device = new Tensor[4];
        for (int i = 0; i < 4; i++) {
            device[i] = cpu[i].to(OPENCL);
        }
        device[1] = cpu[1].transpose(0, 1).to(OPENCL).transpose(0, 1); // strided on the device too
        AdamStep step = new AdamStep(0.5, 0.999, 0.02, 1.3, 1e-8, 0.99, 0.01);
        ((FusedAdam) cpu[0].backend()).adamUpdate(cpu[0].array(), cpu[1].array(), cpu[2].array(), cpu[3].array(), step);
        ((FusedAdam) device[0].backend()).adamUpdate(device[0].array(), device[1].array(), device[2].array(), device[3].array(), step);
        for (int i : new int[] {0, 2, 3}) {
            double error = GradCheck.relativeError(device[i].toDoubleArray(), cpu[i].toDoubleArray());
            assertTrue(error <= TOLERANCE, "operand " + i + " differs by " + error + " relative");
        }
    }

    @Test
    void mixingDevicesNamesBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.ones(2).add(Tensor.ones(DType.F32, OPENCL, 2)));
        assertEquals("add: tensors are on different devices, cpu and opencl:0; move one with to(Device)", e.getMessage());
    }

    @Test
    void dataSurvivesTheRoundTrip() {
        Tensor host = Tensor.of(new float[] {1.5f, -2, 3.25f, 0}, 2, 2);
        Tensor device = host.to(OPENCL);
        assertEquals(OPENCL, device.device());
        assertEquals(List.of(1.5, -2.0, 3.25, 0.0), java.util.Arrays.stream(device.toDoubleArray()).boxed().toList());
        assertEquals(List.of(1.5, 3.25, -2.0, 0.0), java.util.Arrays.stream(device.transpose(0, 1).toDoubleArray()).boxed().toList());
        Tensor labels = Tensor.indices(new int[] {3, 1, 4}, 3).to(OPENCL);
        assertEquals(List.of(3.0, 1.0, 4.0), java.util.Arrays.stream(labels.toDoubleArray()).boxed().toList());
    }
}
