package dev.masquerade.faces;

import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Module;
import dev.masquerade.nn.Parameter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A face-api network rebuilt from engine modules, ready to take face-api's trained weights.
 * Carrying a network from one framework to another takes three things, all here or in the
 * subclasses: the names (a parameter path {@code conv1.depthwise_filter} is the TF.js weight
 * {@code conv1/depthwise_filter}), the layouts (TF.js stores filters [kH, kW, in, out], the
 * engine [out, in, kH, kW]; {@link TfjsWeights}) and the pre-processing the network was
 * trained with (each subclass's Javadoc).
 */
public abstract class FaceApiNetwork extends Module {
    private final String network;

    /** @param network the network's file name in face-api's {@code model/} folder, such as {@code tiny_face_detector} */
    protected FaceApiNetwork(String network) {
        this.network = network;
    }

    /**
     * Loads the trained weights from {@code folder} (see {@link FaceApiModels}). Every
     * parameter must find its weight, of the right shape, and every weight its parameter.
     *
     * @return this network
     * @throws IOException naming the fix: the weights are missing, damaged, or of another network or release
     */
    public FaceApiNetwork load(Path folder) throws IOException {
        Path manifest = FaceApiModels.manifest(folder, network);
        Map<String, Tensor> weights = TfjsWeights.read(manifest, "fetch it again with scripts/fetch-face-models.sh " + folder);
        Set<String> unused = new LinkedHashSet<>(weights.keySet());
        for (Map.Entry<String, Parameter> entry : namedParameters().entrySet()) {
            String name = entry.getKey().replace('.', '/');
            Tensor weight = weights.get(name);
            if (weight == null) {
                throw new IOException(manifest + " has no weight " + name + "; is it face-api " + FaceApiModels.VERSION
                        + "'s " + network + "? Fetch it with scripts/fetch-face-models.sh " + folder);
            }
            Tensor value = inEngineLayout(name, weight);
            int[] expected = entry.getValue().value().shape();
            if (!Arrays.equals(value.shape(), expected)) {
                throw new IOException(manifest + ": weight " + name + " is " + Arrays.toString(value.shape()) + " in the engine's layout where the"
                        + " network needs " + Arrays.toString(expected) + "; is it face-api " + FaceApiModels.VERSION + "'s " + network + "?");
            }
            entry.getValue().replace(value);
            unused.remove(name);
        }
        if (!unused.isEmpty()) {
            throw new IOException(manifest + " has weights this network does not use (" + String.join(", ", unused) + "); is it face-api "
                    + FaceApiModels.VERSION + "'s " + network + "?");
        }
        return this;
    }

    private static Tensor inEngineLayout(String name, Tensor weight) {
        if (weight.rank() != 4) {
            return weight;
        }
        return name.endsWith("depthwise_filter") ? TfjsWeights.depthwiseFilter(weight) : TfjsWeights.convFilter(weight);
    }
}
