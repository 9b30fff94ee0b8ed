package dev.masquerade.export;

import static dev.masquerade.export.OnnxGraphBuilder.attribute;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.Trace;
import dev.masquerade.engine.backend.Conv2dGeometry;
import dev.masquerade.engine.backend.Pool2dGeometry;
import dev.masquerade.export.onnx.Onnx.AttributeProto;
import dev.masquerade.export.onnx.Onnx.TensorProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The engine's operations as ONNX operators (opset 13 to 17): one entry per operation name
 * that autograd records. Most are one node with the same meaning (add → Add, conv2d → Conv);
 * a few need their attributes translated (a slice's range becomes Slice's constant inputs,
 * padding's per-axis pairs become Pad's begin-all-then-end-all list) or an extra node (a
 * comparison's true/false cast to 1.0/0.0, as the engine keeps masks). An operation missing
 * here fails the export by name: a graph that silently computed something else would be worse.
 */
final class OnnxOperators {
    /** The opsets the mappings below are written for. */
    static final int OLDEST_OPSET = 13;
    static final int NEWEST_OPSET = 17;

    /** One traced operation being exported: its input and output names and the graph it goes into. */
    record Emit(Trace.Operation op, OnnxGraphBuilder graph, TracedGraph traced, int opset) {
        String in(int i) {
            return graph.value(op.inputs().get(i), traced);
        }

        String out() {
            return graph.outputName(op.output(), op.name());
        }

        Tensor input(int i) {
            return op.inputs().get(i);
        }

        /** One node reading the operation's inputs (all, in order) and writing its output. */
        void same(String opType, AttributeProto... attributes) {
            List<String> inputs = new ArrayList<>();
            for (int i = 0; i < op.inputs().size(); i++) {
                inputs.add(in(i));
            }
            graph.node(opType, inputs, out(), attributes);
        }

        int integer(String key) {
            return (Integer) op.attribute(key);
        }
    }

    @FunctionalInterface
    private interface Mapping {
        void emit(Emit e);
    }

    private static final Map<String, Mapping> MAPPINGS = Map.ofEntries(
            Map.entry("add", e -> e.same("Add")),
            Map.entry("sub", e -> e.same("Sub")),
            Map.entry("mul", e -> e.same("Mul")),
            Map.entry("div", e -> e.same("Div")),
            Map.entry("maximum", e -> e.same("Max")),
            Map.entry("minimum", e -> e.same("Min")),
            Map.entry("eq", e -> comparison(e, "Equal")),
            Map.entry("gt", e -> comparison(e, "Greater")),
            Map.entry("ge", e -> comparison(e, "GreaterOrEqual")),
            Map.entry("lt", e -> comparison(e, "Less")),
            Map.entry("le", e -> comparison(e, "LessOrEqual")),
            Map.entry("pow", OnnxOperators::pow),
            Map.entry("neg", e -> e.same("Neg")),
            Map.entry("exp", e -> e.same("Exp")),
            Map.entry("log", e -> e.same("Log")),
            Map.entry("sqrt", e -> e.same("Sqrt")),
            Map.entry("abs", e -> e.same("Abs")),
            Map.entry("erf", e -> e.same("Erf")),
            Map.entry("relu", e -> e.same("Relu")),
            Map.entry("sigmoid", e -> e.same("Sigmoid")),
            Map.entry("tanh", e -> e.same("Tanh")),
            Map.entry("softplus", e -> e.same("Softplus")),
            Map.entry("leakyRelu", e -> e.same("LeakyRelu", attribute("alpha", parameters(e)[0]))),
            Map.entry("clamp", e -> e.graph().node("Clip", List.of(e.in(0), e.graph().scalar("min", parameters(e)[0]),
                    e.graph().scalar("max", parameters(e)[1])), e.out())),
            Map.entry("matmul", e -> e.same("MatMul")),
            Map.entry("conv2d", e -> convolution(e, "Conv", 1)),
            Map.entry("depthwiseConv2d", e -> convolution(e, "Conv", e.input(0).size(1))),
            Map.entry("groupedConv2d", e -> convolution(e, "Conv", e.integer("groups"))),
            Map.entry("convTranspose2d", e -> convolution(e, "ConvTranspose", 1)),
            Map.entry("maxPool2d", e -> pooling(e, "MaxPool")),
            Map.entry("avgPool2d", e -> pooling(e, "AveragePool", attribute("count_include_pad", 1L))),
            Map.entry("batchNorm", e -> e.same("BatchNormalization", attribute("epsilon", (Double) e.op().attribute("eps")))),
            Map.entry("instanceNorm", OnnxOperators::instanceNorm),
            Map.entry("softmax", e -> e.same("Softmax", attribute("axis", (long) e.integer("axis")))),
            Map.entry("sum", e -> e.graph().node("ReduceSum", List.of(e.in(0), e.graph().ints("axes", longs((int[]) e.op().attribute("axes")))),
                    e.out(), keepDims(e))),
            Map.entry("max", e -> e.graph().node("ReduceMax", List.of(e.in(0)), e.out(),
                    attribute("axes", longs((int[]) e.op().attribute("axes"))), keepDims(e))),
            Map.entry("view", OnnxOperators::reshape),
            Map.entry("contiguous", e -> e.same("Identity")),
            Map.entry("clone", e -> e.same("Identity")),
            Map.entry("detach", e -> e.same("Identity")),
            Map.entry("where", OnnxOperators::where),
            Map.entry("gather", OnnxOperators::gather),
            Map.entry("permute", e -> e.same("Transpose", attribute("perm", longs((int[]) e.op().attribute("order"))))),
            Map.entry("expand", OnnxOperators::expand),
            Map.entry("slice", e -> e.graph().node("Slice", List.of(e.in(0), e.graph().ints("starts", e.integer("start")),
                    e.graph().ints("ends", e.integer("end")), e.graph().ints("axes", e.integer("axis")), e.graph().ints("steps", e.integer("step"))), e.out())),
            Map.entry("concat", e -> e.same("Concat", attribute("axis", (long) e.integer("axis")))),
            Map.entry("pad", OnnxOperators::pad),
            Map.entry("padReflect", OnnxOperators::padReflect),
            Map.entry("pixelShuffle", e -> e.same("DepthToSpace", attribute("blocksize", (long) e.integer("factor")), attribute("mode", "CRD"))),
            Map.entry("upsampleNearest", OnnxOperators::upsampleNearest),
            Map.entry("gridSample", OnnxOperators::gridSample));

    private OnnxOperators() {
    }

    /** Adds the nodes of one traced operation to the graph, or fails naming the operation. */
    static void emit(Emit e) {
        Mapping mapping = MAPPINGS.get(e.op().name());
        if (mapping == null) {
            throw new IllegalArgumentException("the operation '" + e.op().name() + "' has no ONNX mapping yet, so this model cannot be exported "
                    + "(operations that export: " + String.join(", ", new TreeSet<>(MAPPINGS.keySet())) + ")");
        }
        mapping.emit(e);
    }

    /** The engine keeps a comparison as 1.0/0.0; ONNX's is boolean, so a Cast follows. */
    private static void comparison(Emit e, String opType) {
        String bool = e.graph().fresh(opType);
        e.graph().node(opType, List.of(e.in(0), e.in(1)), bool);
        e.graph().node("Cast", List.of(bool), e.out(), attribute("to", (long) TensorProto.DataType.FLOAT_VALUE));
    }

    /** The engine's condition is a 1.0/0.0 mask; ONNX's Where takes booleans. */
    private static void where(Emit e) {
        String condition = e.graph().fresh("condition");
        e.graph().node("Cast", List.of(e.in(0)), condition, attribute("to", (long) TensorProto.DataType.BOOL_VALUE));
        e.graph().node("Where", List.of(condition, e.in(1), e.in(2)), e.out());
    }

    /** gather along an axis is GatherElements, its positions a constant of 64-bit integers. */
    private static void gather(Emit e) {
        Tensor index = (Tensor) e.op().attribute("index");
        long[] positions = Arrays.stream(index.contiguous().toDoubleArray()).mapToLong(v -> (long) v).toArray();
        String flat = e.graph().ints("index", positions);
        String shaped = e.graph().fresh("index");
        e.graph().node("Reshape", List.of(flat, e.graph().ints("shape", longs(index.shape()))), shaped);
        e.graph().node("GatherElements", List.of(e.in(0), shaped), e.out(), attribute("axis", (long) e.integer("axis")));
    }

    /** pow with a tensor exponent (two inputs) or a number (one input, the number in the trace). */
    private static void pow(Emit e) {
        if (e.op().inputs().size() == 2) {
            e.same("Pow");
        } else {
            e.graph().node("Pow", List.of(e.in(0), e.graph().scalar("exponent", parameters(e)[0])), e.out());
        }
    }

    private static void convolution(Emit e, String opType, long groups) {
        Conv2dGeometry g = (Conv2dGeometry) e.op().attribute("geometry");
        List<AttributeProto> attributes = new ArrayList<>(List.of(
                attribute("strides", g.strideH(), g.strideW()),
                attribute("pads", g.padH(), g.padW(), g.padH(), g.padW()),
                attribute("dilations", g.dilationH(), g.dilationW()),
                attribute("group", groups)));
        if (opType.equals("ConvTranspose")) {
            int extra = e.integer("outputPadding");
            attributes.add(attribute("output_padding", extra, extra));
        }
        e.same(opType, attributes.toArray(AttributeProto[]::new));
    }

    private static void pooling(Emit e, String opType, AttributeProto... extra) {
        Pool2dGeometry g = (Pool2dGeometry) e.op().attribute("geometry");
        List<AttributeProto> attributes = new ArrayList<>(List.of(
                attribute("kernel_shape", g.kernel(), g.kernel()),
                attribute("strides", g.stride(), g.stride()),
                attribute("pads", g.padding(), g.padding(), g.padding(), g.padding())));
        attributes.addAll(List.of(extra));
        e.same(opType, attributes.toArray(AttributeProto[]::new));
    }

    /** The engine's instance norm has no scale or shift of its own (a layer adds them): ONNX's gets 1 and 0. */
    private static void instanceNorm(Emit e) {
        int channels = e.input(0).size(1);
        float[] ones = new float[channels];
        Arrays.fill(ones, 1f);
        e.graph().node("InstanceNormalization", List.of(e.in(0),
                e.graph().value(Tensor.of(ones, channels), e.traced()),
                e.graph().value(Tensor.zeros(channels), e.traced())), e.out(), attribute("epsilon", (Double) e.op().attribute("eps")));
    }

    /**
     * A reshape keeps the batch free: axis 0 is written 0 ("as the input's") when the batch
     * stays there, else -1 (inferred), which covers the batch merged into axis 0 with others.
     */
    // snippet: batch-free-reshape
    private static void reshape(Emit e) {
        // BEGIN SOLUTION task-12.2: a Reshape node whose constant shape (graph.ints) is the output's, axis 0 written 0 when the output keeps the input's axis 0 and -1 when it does not, so that the graph runs on any batch (see tutorials/31-export.md)
        int[] to = e.op().output().shape();
        long[] shape = longs(to);
        shape[0] = to[0] == e.input(0).size(0) ? 0 : -1; // 0: "as the input's axis 0"; -1: "whatever makes the count right"
        e.graph().node("Reshape", List.of(e.in(0), e.graph().ints("shape", shape)), e.out());
        // END SOLUTION
    }
    // end snippet

    /** Expand broadcasts, so an axis that keeps the input's size is written 1: the batch stays free. */
    private static void expand(Emit e) {
        int[] from = e.input(0).shape();
        int[] to = e.op().output().shape();
        long[] shape = longs(to);
        for (int i = 0; i < from.length; i++) {
            int axis = to.length - from.length + i;
            if (from[i] == to[axis]) {
                shape[axis] = 1;
            }
        }
        e.graph().node("Expand", List.of(e.in(0), e.graph().ints("shape", shape)), e.out());
    }

    /** The engine pads by (before, after) pairs from the last axis back; ONNX wants every begin, then every end. */
    private static void pad(Emit e) {
        int[] padding = (int[]) e.op().attribute("padding");
        int rank = e.input(0).rank();
        long[] pads = new long[2 * rank];
        for (int i = 0; i < padding.length / 2; i++) {
            int axis = rank - 1 - i;
            pads[axis] = padding[2 * i];
            pads[rank + axis] = padding[2 * i + 1];
        }
        e.graph().node("Pad", List.of(e.in(0), e.graph().ints("pads", pads), e.graph().scalar("value", (Double) e.op().attribute("value"))),
                e.out(), attribute("mode", "constant"));
    }

    private static void padReflect(Emit e) {
        int rank = e.input(0).rank();
        int axis = e.integer("axis");
        long[] pads = new long[2 * rank];
        pads[axis] = e.integer("before");
        pads[rank + axis] = e.integer("after");
        e.graph().node("Pad", List.of(e.in(0), e.graph().ints("pads", pads)), e.out(), attribute("mode", "reflect"));
    }

    /** Nearest-neighbour upsampling by s: Resize with scales (1, 1, s, s), each output pixel reading floor(position / s). */
    private static void upsampleNearest(Emit e) {
        double s = e.integer("scale");
        String scales = e.graph().value(Tensor.of(new double[] {1, 1, s, s}, 4), e.traced());
        e.graph().node("Resize", List.of(e.in(0), "", scales), e.out(), attribute("mode", "nearest"),
                attribute("coordinate_transformation_mode", "asymmetric"), attribute("nearest_mode", "floor"));
    }

    /** The engine samples as PyTorch's grid_sample(bilinear, zeros, align_corners=False); GridSample arrived in opset 16. */
    private static void gridSample(Emit e) {
        if (e.opset() < 16) {
            throw new IllegalArgumentException("gridSample needs ONNX opset 16 or later (GridSample), but --opset " + e.opset() + " was asked for");
        }
        e.same("GridSample", attribute("mode", "bilinear"), attribute("padding_mode", "zeros"), attribute("align_corners", 0L));
    }

    private static AttributeProto keepDims(Emit e) {
        return attribute("keepdims", (Boolean) e.op().attribute("keepDim") ? 1L : 0L);
    }

    private static double[] parameters(Emit e) {
        return (double[]) e.op().attribute("parameters");
    }

    private static long[] longs(int[] values) {
        return Arrays.stream(values).asLongStream().toArray();
    }
}
