package dev.masquerade.export;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.Trace;
import dev.masquerade.export.onnx.Onnx.ModelProto;
import dev.masquerade.export.onnx.Onnx.OperatorSetIdProto;
import dev.masquerade.nn.Module;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's forward pass as an ONNX file: the pass runs once, in evaluation mode and under a
 * {@link Trace}, on random inputs with a batch of {@link #TRACED_BATCH}; the operations on the
 * path from the inputs to the outputs become the graph's nodes (by {@link OnnxOperators}), and
 * everything else they read (weights, folded constants) its initialisers. The batch axis stays
 * free, so the file runs on any batch size. Tutorial: tutorials/31-export.md.
 */
public final class OnnxExport {
    /** The opset written unless another is asked for. */
    public static final int DEFAULT_OPSET = OnnxOperators.NEWEST_OPSET;
    /**
     * The batch size of the traced pass; any other works with the exported file. An odd size
     * that no layer of ours has as a width, so that a constant with it as axis 0 is one the
     * model made for the batch (see {@link OnnxGraphBuilder#value}).
     */
    static final int TRACED_BATCH = 11;
    /** ONNX IR version 8 (the IR of opsets 13 to 17). */
    private static final long IR_VERSION = 8;

    private OnnxExport() {
    }

    /** The ONNX model of {@code spec} in the given opset (13 to 17). */
    public static ModelProto toModel(GraphSpec spec, int opset) {
        if (opset < OnnxOperators.OLDEST_OPSET || opset > OnnxOperators.NEWEST_OPSET) {
            throw new IllegalArgumentException("--opset " + opset + " is not supported; use " + OnnxOperators.OLDEST_OPSET + " to "
                    + OnnxOperators.NEWEST_OPSET + " (default " + DEFAULT_OPSET + ")");
        }
        List<Tensor> inputs = spec.randomInputs(TRACED_BATCH, new Rng(1));
        Map<String, Tensor> outputs;
        List<Trace.Operation> recorded;
        try (var evaluating = spec.model().evaluating(); var noGrad = NoGrad.enter(); Trace trace = Trace.start()) {
            outputs = spec.forward().apply(inputs);
            recorded = List.copyOf(trace.operations());
        }
        TracedGraph traced = TracedGraph.of(recorded, inputs, outputs);
        OnnxGraphBuilder graph = new OnnxGraphBuilder(spec.name(), weightNames(spec.model()));
        for (int i = 0; i < inputs.size(); i++) {
            graph.input(spec.inputs().get(i).name(), inputs.get(i));
        }
        outputs.forEach(graph::output);
        for (Trace.Operation op : traced.operations()) {
            OnnxOperators.emit(new OnnxOperators.Emit(op, graph, traced, opset));
        }
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setProducerName("masquerade")
                .setProducerVersion("0.1.0")
                .setGraph(graph.build())
                .build();
    }

    /** Every parameter and buffer of the model, by the tensor it holds now. */
    private static Map<Tensor, String> weightNames(Module model) {
        Map<Tensor, String> names = new IdentityHashMap<>();
        model.namedParameters().forEach((name, p) -> names.put(p.value(), name));
        model.namedBuffers().forEach((name, b) -> names.put(b, name));
        return names;
    }
}
