package dev.masquerade.detection;

import dev.masquerade.engine.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A trained detector: the probability that each picture is generated. */
public interface Detector {
    /** Name of a detector's checkpoint manifest in its folder. */
    String FILE = "detector.json";

    /** The method's command-line name: spectrum or cnn. */
    String method();

    /** P(fake) for each picture [1 or 3, H, W] in [0, 1]. */
    double[] probabilities(List<Tensor> pictures);

    /** Saves the detector as {@link #FILE} in {@code folder}. */
    void save(Path folder) throws IOException;
}
