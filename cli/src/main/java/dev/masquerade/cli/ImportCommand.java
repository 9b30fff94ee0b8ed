package dev.masquerade.cli;

import dev.masquerade.export.ExportableModel;
import dev.masquerade.export.ExportableModels;
import dev.masquerade.export.Safetensors;
import dev.masquerade.nn.io.Checkpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masquerade import}: weights trained elsewhere (PyTorch, saved as safetensors) loaded into one of our models, written as a new checkpoint. */
@Command(mixinStandardHelpOptions = true, name = "import", description = "Load safetensors weights (names and shapes as the PyTorch twins'"
        + " state_dict) into the model that a checkpoint describes, and write the result as a new checkpoint; the given checkpoint is left as it is.")
final class ImportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--weights", required = true, paramLabel = "FILE", description = "The .safetensors file to load.")
    private Path weights;

    @Option(names = "--format", defaultValue = "safetensors", paramLabel = "safetensors", description = "The weights' format (default: ${DEFAULT-VALUE}, the only one).")
    private String format;

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE",
            description = "A run folder or checkpoint .json of the same model: its configuration says what to build.")
    private Path checkpoint;

    @Option(names = "--out", required = true, paramLabel = "FILE|DIR",
            description = "The new checkpoint .json; a folder when --checkpoint is a folder (the manifest keeps its name there).")
    private Path out;

    @Option(names = "--force", description = "Overwrite a checkpoint that exists at --out.")
    private boolean force;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("safetensors")) {
            throw new IllegalArgumentException("--format " + format + " is not one this version reads: use safetensors");
        }
        Path source = ExportableModels.manifest(checkpoint);
        boolean folder = !source.equals(checkpoint);
        Path target = folder ? out.resolve(source.getFileName()) : out;
        if (target.toAbsolutePath().normalize().equals(source.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--out " + out + " is the checkpoint the model comes from; write the imported weights somewhere else");
        }
        if (!folder && !out.getFileName().toString().endsWith(".json")) {
            throw new IllegalArgumentException("--out " + out + " must name a checkpoint .json (its values go to a .bin beside it)");
        }
        if (Files.exists(target) && !force) {
            throw new IllegalArgumentException(target + " exists; pass --force to overwrite it, or choose another --out");
        }
        ExportableModel model = ExportableModels.load(checkpoint);
        List<String> ignored = Safetensors.loadInto(weights, model.weights());
        Map<String, Object> config = Checkpoint.load(source).config();
        Checkpoint.save(target, model.weights(), Map.of(), config);
        spec.commandLine().getOut().printf("loaded %d tensors of the %s from %s%s; wrote %s (weights only: a --resume from it starts the"
                + " optimizer afresh)%n", Safetensors.stateOf(model.weights()).size(), model.kind(), weights,
                ignored.isEmpty() ? "" : " (ignored " + ignored.size() + " the model does not have: " + String.join(", ", ignored) + ")", target);
        return 0;
    }
}
