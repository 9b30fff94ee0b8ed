package dev.masquerade.export;

import dev.masquerade.nn.Module;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A trained model read from its checkpoint, ready to leave the engine.
 *
 * @param kind    what it is, in words ("face swap", "DCGAN on Fashion-MNIST", ...)
 * @param weights the module holding every parameter and buffer of the checkpoint, by the
 *                checkpoint's names (what safetensors export writes and import reads)
 * @param graphs  the graphs it exports as, by part name (the face swap's two directions, a
 *                GAN's generator and discriminator, ...)
 */
public record ExportableModel(String kind, Module weights, List<GraphSpec> graphs) {

    /** The graph of one part, or an error listing the parts. */
    public GraphSpec graph(String part) {
        return graphs.stream().filter(g -> g.name().equals(part)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "--part " + part + ": this " + kind + " has the parts " + partNames() + "; give one of them"));
    }

    /** The parts' names, comma-separated. */
    public String partNames() {
        return graphs.stream().map(GraphSpec::name).collect(Collectors.joining(", "));
    }
}
