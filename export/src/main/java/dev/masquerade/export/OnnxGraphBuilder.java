package dev.masquerade.export;

import com.google.protobuf.ByteString;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.Trace;
import dev.masquerade.export.onnx.Onnx.AttributeProto;
import dev.masquerade.export.onnx.Onnx.GraphProto;
import dev.masquerade.export.onnx.Onnx.NodeProto;
import dev.masquerade.export.onnx.Onnx.TensorProto;
import dev.masquerade.export.onnx.Onnx.TensorShapeProto;
import dev.masquerade.export.onnx.Onnx.TypeProto;
import dev.masquerade.export.onnx.Onnx.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an ONNX graph value by value: it names every tensor (inputs and outputs by the names
 * given, weights by their paths in the model, other values by the operation that made them),
 * stores each constant once as an initialiser, and adds nodes. The operator mappings in
 * {@link OnnxOperators} talk to it through {@link #value}, {@link #ints}, {@link #scalar} and
 * {@link #node}.
 */
final class OnnxGraphBuilder {
    /** The name of the free batch axis in the graph's input and output shapes. */
    static final String BATCH = "batch";
    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Map<Tensor, String> names = new IdentityHashMap<>();
    private final Map<Tensor, String> weightNames;
    private int counter;
    private String firstInput;
    private String batchSize;
    private final java.util.Set<String> used = new java.util.HashSet<>();

    /** @param weightNames the model's parameters and buffers by path, found by identity */
    OnnxGraphBuilder(String name, Map<Tensor, String> weightNames) {
        graph.setName(name);
        this.weightNames = weightNames;
    }

    /** Declares a graph input of float32 values with a free batch axis. */
    void input(String name, Tensor example) {
        if (firstInput == null) {
            firstInput = name;
        }
        names.put(example, name);
        graph.addInput(valueInfo(name, example.shape()));
    }

    /** Declares a graph output; the operation that makes {@code value} writes it under this name. */
    void output(String name, Tensor value) {
        names.put(value, name);
        graph.addOutput(valueInfo(name, value.shape()));
    }

    /** The name of a value: a computed one's name, or a constant stored on first use. */
    String value(Tensor t, TracedGraph traced) {
        String known = names.get(t);
        if (known != null) {
            return known;
        }
        if (traced.isComputed(t)) {
            throw new IllegalStateException("a computed value was read before the operation that makes it was exported");
        }
        String name = weightNames.containsKey(t) ? weightNames.get(t) : unique(constantName(t, traced));
        if (!weightNames.containsKey(t) && repeatsOverTheBatch(t)) {
            // a constant made for the traced batch (zeros of [N, ...], a grid expanded to N): one copy, expanded to the batch the graph runs
            String one = name + "_one";
            graph.addInitializer(floats(one, t.narrow(0, 0, 1)));
            long[] shape = java.util.Arrays.stream(t.shape()).asLongStream().toArray();
            shape[0] = 1;
            String batchShape = fresh("batch_shape");
            node("Concat", List.of(batchSize(), ints("shape_after_batch", java.util.Arrays.copyOfRange(shape, 1, shape.length))), batchShape,
                    attribute("axis", 0L));
            node("Expand", List.of(one, batchShape), name);
        } else {
            graph.addInitializer(floats(name, t));
        }
        names.put(t, name);
        return name;
    }

    /**
     * A folded constant named after the weight it was made from and the operations that made
     * it ("7.weight.permute": a Linear layer's weight transposed for the product), else "const".
     */
    private String constantName(Tensor t, TracedGraph traced) {
        StringBuilder steps = new StringBuilder();
        for (Trace.Operation op = traced.producer(t); op != null; op = traced.producer(op.inputs().get(0))) {
            steps.insert(0, "." + op.name());
            for (Tensor input : op.inputs()) {
                if (weightNames.containsKey(input)) {
                    return weightNames.get(input) + steps;
                }
            }
        }
        return "const";
    }

    /** name, or name_2, name_3, ... when it is taken. */
    private String unique(String name) {
        String candidate = name;
        for (int i = 2; !used.add(candidate); i++) {
            candidate = name + "_" + i;
        }
        return candidate;
    }

    /** Whether a constant has the traced batch as axis 0 and the same values for every item of it. */
    private static boolean repeatsOverTheBatch(Tensor t) {
        if (t.rank() == 0 || t.size(0) != OnnxExport.TRACED_BATCH) {
            return false;
        }
        float[] values = t.toFloatArray();
        int item = values.length / t.size(0);
        for (int i = item; i < values.length; i++) {
            if (Float.compare(values[i], values[i % item]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The batch size the graph runs with, as a 1-element int64 tensor: Shape(first input)[0:1], computed once. */
    private String batchSize() {
        if (batchSize == null) {
            String shape = fresh("input_shape");
            node("Shape", List.of(firstInput), shape);
            batchSize = fresh("batch_size");
            node("Slice", List.of(shape, ints("start", 0), ints("end", 1)), batchSize);
        }
        return batchSize;
    }

    /** The name for the output of an operation: the graph output's name, or a fresh one. */
    String outputName(Tensor t, String opName) {
        return names.computeIfAbsent(t, k -> opName + "_" + counter++);
    }

    /** A fresh name for a value between two nodes of one operation. */
    String fresh(String hint) {
        return hint + "_" + counter++;
    }

    /** A constant 1-d tensor of 64-bit integers (shapes, axes, pads), stored as an initialiser. */
    String ints(String hint, long... values) {
        String name = hint + "_" + counter++;
        ByteBuffer data = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            data.putLong(v);
        }
        graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(values.length).setRawData(ByteString.copyFrom(data.array())));
        return name;
    }

    /** A constant float32 scalar, stored as an initialiser. */
    String scalar(String hint, double value) {
        String name = hint + "_" + counter++;
        graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE).addFloatData((float) value));
        return name;
    }

    /** Adds a node of {@code opType}; an input named "" is an optional input left out. */
    void node(String opType, List<String> inputs, String output, AttributeProto... attributes) {
        graph.addNode(NodeProto.newBuilder().setOpType(opType).setName(opType + "_" + counter++)
                .addAllInput(inputs).addOutput(output).addAllAttribute(List.of(attributes)));
    }

    GraphProto build() {
        return graph.build();
    }

    /** An integer attribute. */
    static AttributeProto attribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    /** A float attribute. */
    static AttributeProto attribute(String name, double value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF((float) value).build();
    }

    /** A string attribute. */
    static AttributeProto attribute(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    /** A list-of-integers attribute. */
    static AttributeProto attribute(String name, long... values) {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            b.addInts(v);
        }
        return b.build();
    }

    /** A tensor's current values as a float32 initialiser. */
    private static TensorProto floats(String name, Tensor t) {
        float[] values = t.toFloatArray();
        ByteBuffer data = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        data.asFloatBuffer().put(values);
        TensorProto.Builder b = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(data.array()));
        for (int d : t.shape()) {
            b.addDims(d);
        }
        return b.build();
    }

    /** float32 with the given shape, axis 0 left free as the batch. */
    private static ValueInfoProto valueInfo(String name, int[] shape) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (int i = 0; i < shape.length; i++) {
            s.addDim(i == 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH) : TensorShapeProto.Dimension.newBuilder().setDimValue(shape[i]));
        }
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(s)))
                .build();
    }
}
