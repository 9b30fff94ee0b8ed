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
 * {@code PREFIX.NAME.npy} for every input and output of a graph, batch {@value #BATCH}, values
 * uniform in [0, 1) drawn with seed 1.
 */
public final class ReferenceRun {
    /** The batch size of the reference inputs. */
    public static final int BATCH = 4;

    private ReferenceRun() {
    }

    /** The fixed input of {@code graph} and the engine's outputs for it, by name (inputs first). */
    public static Map<String, Tensor> values(GraphSpec graph) {
        List<Tensor> inputs = graph.randomInputs(BATCH, new Rng(1));
        Map<String, Tensor> values = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            values.put(graph.inputs().get(i).name(), inputs.get(i));
        }
        try (var evaluating = graph.model().evaluating(); var noGrad = NoGrad.enter()) {
            values.putAll(graph.forward().apply(inputs));
        }
        return values;
    }

    /** The file of one value: {@code prefix.NAME.npy}. */
    public static Path file(Path prefix, String name) {
        return prefix.resolveSibling(prefix.getFileName() + "." + name + ".npy");
    }

    /** Writes values as {@code prefix.NAME.npy}; returns the files. */
    public static List<Path> write(Map<String, Tensor> values, Path prefix) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : values.entrySet()) {
            Npy.write(e.getValue(), file(prefix, e.getKey()));
            files.add(file(prefix, e.getKey()));
        }
        return files;
    }
}
