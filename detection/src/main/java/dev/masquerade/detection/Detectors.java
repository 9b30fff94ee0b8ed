package dev.masquerade.detection;

import dev.masquerade.detection.cnn.CnnDetector;
import dev.masquerade.detection.spectrum.SpectrumDetector;
import dev.masquerade.nn.io.Checkpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Opens the folder of a trained detector, whichever its method. */
public final class Detectors {
    private Detectors() {
    }

    /** The detector saved in {@code folder}; one line naming the problem when there is none. */
    public static Detector load(Path folder) throws IOException {
        Path manifest = folder.resolve(Detector.FILE);
        if (!Files.exists(manifest)) {
            throw new IOException(folder + " holds no " + Detector.FILE + "; pass the --out folder of a 'masquerade detect train' run");
        }
        Map<String, Object> config = Checkpoint.load(manifest).config();
        Object method = config.get("method");
        if (SpectrumDetector.METHOD.equals(method)) {
            return SpectrumDetector.load(folder, config);
        }
        if (CnnDetector.METHOD.equals(method)) {
            return CnnDetector.load(folder, config);
        }
        throw new IOException(manifest + " names the method " + method + ", which this version does not know (spectrum or cnn)");
    }
}
