package dev.masquerade.cli;

import dev.masquerade.engine.Tensor;
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
            description = "A 'masquerade ... train' run's folder, or its checkpoint .json (classify, gan, faceswap, autoencoder, translate, motion, detect).")
    private Path checkpoint;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (model.onnx or model.safetensors). For a model"
            + " of several parts without --part, one file per part: model-a_to_b.onnx, model-b_to_a.onnx, ...")
    private Path out;

    @Option(names = "--format", defaultValue = "onnx", paramLabel = "onnx|safetensors", description = "What to write (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--opset", description = "ONNX operator set, 13 to 17 (default: " + OnnxExport.DEFAULT_OPSET + ").")
    private Integer opset;

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
        if (format.equals("safetensors") && (part != null || opset != null)) {
            String option = part != null ? "--part" : "--opset";
            throw new IllegalArgumentException(option + " is about an ONNX graph; a safetensors file holds every weight of the checkpoint"
                    + " and no operators, so leave " + option + " out");
        }
        ExportableModel model = ExportableModels.load(checkpoint);
        String stem = stem(out, extension);
        Map<Path, GraphSpec> graphs = new LinkedHashMap<>(); // the file of each graph (ONNX), or the prefix of each part's references (safetensors)
        if (format.equals("safetensors")) {
            model.graphs().forEach(graph -> graphs.put(out.resolveSibling(stem + "." + graph.name()), graph));
        } else if (part != null) {
            graphs.put(out, model.graph(part));
        } else if (model.graphs().size() == 1) {
            graphs.put(out, model.graphs().get(0));
        } else {
            model.graphs().forEach(graph -> graphs.put(out.resolveSibling(stem + "-" + graph.name() + extension), graph));
        }
        Map<Path, Map<String, Tensor>> references = new LinkedHashMap<>(); // prefix → values, written as PREFIX.NAME.npy
        if (reference) {
            graphs.forEach((file, graph) -> references.put(format.equals("onnx") ? file.resolveSibling(stem(file, extension)) : file,
                    ReferenceRun.values(graph)));
        }
        List<Path> planned = new ArrayList<>(format.equals("onnx") ? graphs.keySet() : List.of(out));
        references.forEach((prefix, values) -> values.keySet().forEach(name -> planned.add(ReferenceRun.file(prefix, name))));
        for (Path file : planned) { // every file checked before any is written: a refusal leaves nothing half done
            if (Files.exists(file) && !force) {
                throw new IllegalArgumentException(file + " exists; pass --force to overwrite it, or choose another --out");
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (format.equals("safetensors")) {
            Safetensors.write(out, model);
            stdout.printf("wrote %s: %d tensors of the %s (%s), named as its PyTorch twin's state_dict%n", out,
                    Safetensors.stateOf(model.weights()).size(), model.kind(), megabytes(Files.size(out)));
        } else {
            int version = opset == null ? OnnxExport.DEFAULT_OPSET : opset;
            for (Map.Entry<Path, GraphSpec> e : graphs.entrySet()) {
                long start = System.nanoTime();
                Onnx.ModelProto onnx = OnnxExport.toModel(e.getValue(), version);
                AtomicFiles.write(e.getKey(), onnx.toByteArray());
                Onnx.GraphProto graph = onnx.getGraph();
                stdout.printf("wrote %s: the %s, %d nodes, %d initialisers, %s, opset %d (%.1f s)%n    inputs  %s%n    outputs %s%n", e.getKey(),
                        model.graphs().size() == 1 ? model.kind() : model.kind() + "'s " + e.getValue().name(), graph.getNodeCount(),
                        graph.getInitializerCount(), megabytes(Files.size(e.getKey())), version, (System.nanoTime() - start) / 1e9,
                        describe(graph.getInputList()), describe(graph.getOutputList()));
            }
        }
        for (Map.Entry<Path, Map<String, Tensor>> e : references.entrySet()) {
            stdout.printf("    reference %s%n", ReferenceRun.write(e.getValue(), e.getKey()).stream().map(p -> p.getFileName().toString())
                    .collect(Collectors.joining(", ")));
        }
        return 0;
    }

    /** The file's name without its extension. */
    private static String stem(Path file, String extension) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - extension.length());
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
