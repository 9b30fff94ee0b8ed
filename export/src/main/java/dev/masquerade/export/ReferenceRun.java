package dev.masquerade.export;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.data.Npy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixed input and the engine's output for it, as .npy files, so that another runtime (ONNX
 * Runtime, PyTorch with the exported weights) can be checked against the engine:
 * {@code STEM.PART.NAME.npy} for every input and output of a graph, batch {@value #BATCH},
 * values uniform in [0, 1) drawn with seed 1.
 */
public final class ReferenceRun {
    /** The batch size of the reference inputs. */
    public static final int BATCH = 4;

    private ReferenceRun() {
    }

    /** Runs {@code graph} on the fixed input and writes inputs and outputs beside {@code stem}; returns the files. */
    public static List<Path> write(GraphSpec graph, Path stem) throws IOException {
        Rng rng = new Rng(1);
        Map<String, Tensor> values = new LinkedHashMap<>();
        List<Tensor> inputs = new ArrayList<>();
        for (GraphSpec.Input input : graph.inputs()) {
            int[] shape = new int[input.shape().length + 1];
            shape[0] = BATCH;
            System.arraycopy(input.shape(), 0, shape, 1, input.shape().length);
            Tensor x = Tensor.rand(rng, shape);
            inputs.add(x);
            values.put(input.name(), x);
        }
        try (var evaluating = graph.model().evaluating(); var noGrad = NoGrad.enter()) {
            values.putAll(graph.forward().apply(inputs));
        }
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : values.entrySet()) {
            Path file = stem.resolveSibling(stem.getFileName() + "." + graph.name() + "." + e.getKey() + ".npy");
            Npy.write(e.getValue(), file);
            files.add(file);
        }
        return files;
    }
}
