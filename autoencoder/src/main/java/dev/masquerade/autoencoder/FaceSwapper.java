package dev.masquerade.autoencoder;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.data.ImageFolder;
import dev.masquerade.nn.io.Checkpoint;
import dev.masquerade.nn.io.Images;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Applies a trained face-swap model: loads it from its checkpoint and swaps a folder of face crops. */
public final class FaceSwapper {
    private static final int BATCH = 32;

    private FaceSwapper() {
    }

    /** The model saved at {@code checkpoint}, built with the architecture its manifest names, on {@code device}. */
    public static FaceSwapModel load(Path checkpoint, Device device) throws IOException {
        FaceSwapConfig config = FaceSwapConfig.fromMap(Checkpoint.load(checkpoint).config(), checkpoint.toString());
        FaceSwapModel model = new FaceSwapModel(config, new Rng(0));
        model.to(device);
        Checkpoint.loadInto(checkpoint, model, Map.of());
        model.eval();
        return model;
    }

    /**
     * Swaps every face of {@code input} to {@code side} and writes each as a PNG of the same
     * name into {@code output}; returns how many it wrote.
     */
    public static int swapFolder(Path checkpoint, Path input, Path output, FaceSwapModel.Side side) throws IOException {
        Device device = Device.defaultDevice();
        FaceSwapModel model = load(checkpoint, device);
        List<Path> files = ImageFolder.files(input);
        FaceSet faces = FaceSet.fromFolder(input, model.config().size());
        try (var scope = NoGrad.enter()) {
            for (int start = 0; start < faces.size(); start += BATCH) {
                int n = Math.min(BATCH, faces.size() - start);
                Tensor swapped = model.swap(side, faces.images().narrow(0, start, n).to(device)).to(Device.CPU);
                for (int i = 0; i < n; i++) {
                    String name = files.get(start + i).getFileName().toString().replaceFirst("\\.[^.]+$", "") + ".png";
                    Images.writePng(swapped.narrow(0, i, 1).reshape(3, swapped.size(2), swapped.size(3)), output.resolve(name));
                }
            }
        }
        return faces.size();
    }
}
