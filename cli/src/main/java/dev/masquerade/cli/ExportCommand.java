package dev.masquerade.cli;

import dev.masquerade.export.ExportableModel;
import dev.masquerade.export.ExportableModels;
import dev.masquerade.export.GraphSpec;
import dev.masquerade.export.OnnxExport;
import dev.masquerade.export.ReferenceRun;
import dev.masquerade.export.Safetensors;
import dev.masquerade.export.onnx.Onnx;
import dev.masquerade.nn.io.AtomicFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masquerade export}: a trained model as an ONNX graph (for ONNX Runtime, model viewers, other hardware) or as safetensors weights (for PyTorch). */
@Command(mixinStandardHelpOptions = true, name = "export", description = "Write a trained model as ONNX (one graph per part: the face swap's a_to_b"
        + " and b_to_a, a GAN's generator and discriminator, ...) or its weights as safetensors, named as the PyTorch twins' state_dict.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE",
            description = "The checkpoint .json of a 'masquerade ... train' run (classify, gan, faceswap, autoencoder, translate, motion), or a detector's folder.")
    private Path checkpoint;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (model.onnx or model.safetensors). For a model"
            + " of several parts without --part, one file per part: model-a_to_b.onnx, model-b_to_a.onnx, ...")
    private Path out;

    @Option(names = "--format", defaultValue = "onnx", paramLabel = "onnx|safetensors", description = "What to write (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--opset", defaultValue = "" + OnnxExport.DEFAULT_OPSET, description = "ONNX operator set, 13 to 17 (default: ${DEFAULT-VALUE}).")
    private int opset;

    @Option(names = "--part", paramLabel = "NAME", description = "Export one part only (an ONNX graph); the error for a wrong name lists the parts.")
    private String part;

    @Option(names = "--force", description = "Overwrite files that exist.")
    private boolean force;

    @Option(names = "--reference", description = "Also write a fixed input and the engine's outputs for it as .npy files"
            + " (FILE.NAME.npy beside each .onnx; FILE.PART.NAME.npy beside a .safetensors; batch " + ReferenceRun.BATCH
            + "), to check another runtime against the engine.")
    private boolean reference;

    @Override
    public Integer call() throws Exception {
        String extension = "." + format;
        if (!format.equals("onnx") && !format.equals("safetensors")) {
            throw new IllegalArgumentException("--format " + format + " is not one this version writes: use onnx or safetensors");
        }
        if (!out.getFileName().toString().endsWith(extension)) {
            throw new IllegalArgumentException("--out " + out + " does not end in " + extension + ", which --format " + format
                    + " writes; name the file model" + extension + (format.equals("onnx") ? " (or add --format safetensors)" : ""));
        }
        ExportableModel model = ExportableModels.load(checkpoint);
        PrintWriter stdout = spec.commandLine().getOut();
        if (format.equals("safetensors")) {
            if (part != null) {
                throw new IllegalArgumentException("--part picks an ONNX graph; a safetensors file holds every weight of the checkpoint, so leave --part out");
            }
            refuseToOverwrite(List.of(out));
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("format", "pt");
            metadata.put("masquerade_model", model.kind());
            Safetensors.write(out, Safetensors.stateOf(model.weights()), metadata);
            stdout.printf("wrote %s: %d tensors of the %s (%s), named as its PyTorch twin's state_dict%n", out,
                    Safetensors.stateOf(model.weights()).size(), model.kind(), megabytes(Files.size(out)));
            if (reference) { // one weights file for every part: the part's name tells the references apart
                for (GraphSpec graph : model.graphs()) {
                    writeReference(graph, out, extension, "." + graph.name());
                }
            }
            return 0;
        }
        Map<Path, GraphSpec> files = new LinkedHashMap<>();
        if (part != null) {
            files.put(out, model.graph(part));
        } else if (model.graphs().size() == 1) {
            files.put(out, model.graphs().get(0));
        } else {
            String stem = out.getFileName().toString().substring(0, out.getFileName().toString().length() - extension.length());
            model.graphs().forEach(graph -> files.put(out.resolveSibling(stem + "-" + graph.name() + extension), graph));
        }
        refuseToOverwrite(new ArrayList<>(files.keySet()));
        for (Map.Entry<Path, GraphSpec> e : files.entrySet()) {
            long start = System.nanoTime();
            Onnx.ModelProto onnx = OnnxExport.toModel(e.getValue(), opset);
            AtomicFiles.write(e.getKey(), onnx.toByteArray());
            Onnx.GraphProto graph = onnx.getGraph();
            stdout.printf("wrote %s: the %s, %d nodes, %d initialisers, %s, opset %d (%.1f s)%n    inputs  %s%n    outputs %s%n", e.getKey(),
                    model.graphs().size() == 1 ? model.kind() : model.kind() + "'s " + e.getValue().name(), graph.getNodeCount(), graph.getInitializerCount(), megabytes(Files.size(e.getKey())), opset,
                    (System.nanoTime() - start) / 1e9, describe(graph.getInputList()), describe(graph.getOutputList()));
            if (reference) {
                writeReference(e.getValue(), e.getKey(), extension, "");
            }
        }
        return 0;
    }

    /** FILE.onnx's references are FILE.NAME.npy, and FILE.safetensors's FILE.PART.NAME.npy. */
    private void writeReference(GraphSpec graph, Path file, String extension, String part) throws java.io.IOException {
        String name = file.getFileName().toString();
        List<Path> written = ReferenceRun.write(graph, file.resolveSibling(name.substring(0, name.length() - extension.length()) + part));
        spec.commandLine().getOut().printf("    reference %s%n", written.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")));
    }

    private void refuseToOverwrite(List<Path> files) {
        for (Path file : files) {
            if (Files.exists(file) && !force) {
                throw new IllegalArgumentException(file + " exists; pass --force to overwrite it, or choose another --out");
            }
        }
    }

    /** "faces [batch, 3, 64, 64], ..." */
    private static String describe(List<Onnx.ValueInfoProto> values) {
        return values.stream().map(v -> v.getName() + " [" + v.getType().getTensorType().getShape().getDimList().stream()
                .map(d -> d.hasDimParam() ? d.getDimParam() : String.valueOf(d.getDimValue())).collect(Collectors.joining(", ")) + "]")
                .collect(Collectors.joining(", "));
    }

    private static String megabytes(long bytes) {
        return String.format("%.2f MB", bytes / 1e6);
    }
}
