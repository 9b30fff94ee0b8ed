package dev.masquerade.autoencoder;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.data.ImageFolder;
import dev.masquerade.nn.io.Checkpoint;
import dev.masquerade.nn.io.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
     * Swaps every face of {@code input} to {@code side} and writes each as a PNG named after it
     * into {@code output} (see {@link #outputNames}); returns how many it wrote. Refuses, before
     * writing anything, where an output would replace one of the inputs.
     */
    public static int swapFolder(Path checkpoint, Path input, Path output, FaceSwapModel.Side side) throws IOException {
        List<Path> files = ImageFolder.files(input);
        List<String> names = outputNames(files);
        refuseOverwritingInputs(input, output, files, names);
        Device device = Device.defaultDevice();
        FaceSwapModel model = load(checkpoint, device);
        FaceSet faces = FaceSet.fromFolder(input, model.config().size());
        try (var scope = NoGrad.enter()) {
            for (int start = 0; start < faces.size(); start += BATCH) {
                int n = Math.min(BATCH, faces.size() - start);
                Tensor swapped = model.swap(side, faces.images().narrow(0, start, n).to(device)).to(Device.CPU);
                for (int i = 0; i < n; i++) {
                    Images.writePng(swapped.narrow(0, i, 1).reshape(3, swapped.size(2), swapped.size(3)), output.resolve(names.get(start + i)));
                }
            }
        }
        return faces.size();
    }

    /**
     * The output name of each input: its name with the extension replaced by .png, or, where two
     * inputs would get the same name that way ({@code x.png} and {@code x.jpg}), its whole name
     * followed by .png ({@code x.jpg.png}), so that no output replaces another.
     */
    static List<String> outputNames(List<Path> inputs) {
        List<String> plain = inputs.stream().map(f -> f.getFileName().toString().replaceFirst("\\.[^.]+$", "") + ".png").toList();
        Map<String, Long> uses = plain.stream().collect(Collectors.groupingBy(name -> name, Collectors.counting()));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            names.add(uses.get(plain.get(i)) > 1 ? inputs.get(i).getFileName() + ".png" : plain.get(i));
        }
        return names;
    }

    private static void refuseOverwritingInputs(Path input, Path output, List<Path> files, List<String> names) throws IOException {
        if (!Files.isDirectory(output) || !Files.isSameFile(input, output)) {
            return;
        }
        Set<String> inputNames = files.stream().map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        for (String name : names) {
            if (inputNames.contains(name)) {
                throw new IllegalArgumentException("faceswap swap: writing " + output.resolve(name) + " would overwrite the input of that name;"
                        + " give --output a folder other than --input");
            }
        }
    }
}
