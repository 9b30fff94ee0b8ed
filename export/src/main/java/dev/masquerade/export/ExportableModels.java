package dev.masquerade.export;

import dev.masquerade.autoencoder.ConvAutoencoder;
import dev.masquerade.autoencoder.FaceSwapModel;
import dev.masquerade.autoencoder.FaceSwapper;
import dev.masquerade.detection.Detector;
import dev.masquerade.detection.Detectors;
import dev.masquerade.detection.cnn.CnnDetector;
import dev.masquerade.detection.spectrum.SpectrumDetector;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.gan.GanRun;
import dev.masquerade.motion.MotionRun;
import dev.masquerade.motion.model.Keypoints;
import dev.masquerade.motion.model.MotionModel;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.Module;
import dev.masquerade.nn.classify.FashionClassifier;
import dev.masquerade.nn.io.Checkpoint;
import dev.masquerade.translation.TranslationRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every model the command line trains, read from its checkpoint as an {@link ExportableModel}:
 * which networks it holds, what each takes and what each gives.
 */
public final class ExportableModels {
    /** The kinds this class reads, for the message about a checkpoint of another. */
    static final String KINDS = "the Fashion-MNIST classifier, a GAN, the face swap, the autoencoder, a translation run, a motion model or a CNN detector";

    private ExportableModels() {
    }

    /**
     * The model of a checkpoint that a {@code masquerade ... train} command wrote (its
     * {@code .json} manifest, or the run's folder).
     */
    public static ExportableModel load(Path checkpoint) throws IOException {
        Path manifest = manifest(checkpoint);
        Map<String, Object> config = Checkpoint.load(manifest).config();
        Object model = config.get("model");
        if ("FashionClassifier".equals(model)) {
            return classifier(FashionClassifier.load(manifest));
        } else if ("gan".equals(model)) {
            return gan(GanRun.load(manifest));
        } else if ("faceswap".equals(model)) {
            return faceSwap(FaceSwapper.load(manifest, Device.CPU));
        } else if ("ConvAutoencoder".equals(model)) {
            List<?> shape = (List<?>) config.get("shape");
            int channels = ((Number) shape.get(0)).intValue(), size = ((Number) shape.get(1)).intValue();
            ConvAutoencoder autoencoder = new ConvAutoencoder(channels, size, ((Number) config.get("latent")).intValue(), new Rng(0));
            Checkpoint.loadInto(manifest, autoencoder, Map.of());
            return autoencoder(autoencoder, channels, size);
        } else if (config.containsKey("unet_depth")) {
            if (!config.containsKey("size")) {
                throw new IOException(manifest + " was trained before translation runs recorded their picture size; train it again to export it");
            }
            return translation(TranslationRun.load(manifest), ((Number) config.get("channels")).intValue(), ((Number) config.get("size")).intValue());
        } else if ("motion".equals(config.get("kind"))) {
            return motion(MotionRun.load(manifest));
        } else if (SpectrumDetector.METHOD.equals(config.get("method"))) {
            throw new IOException(checkpoint + " is a spectrum detector: logistic regression on a picture's Fourier spectrum, not a network of"
                    + " the operations an ONNX graph holds; train a CNN detector (detect train --method cnn) to export one");
        } else if (CnnDetector.METHOD.equals(config.get("method"))) {
            return detector((CnnDetector) Detectors.load(manifest.toAbsolutePath().getParent()), ((Number) config.get("channels")).intValue());
        }
        throw new IOException(checkpoint + " is not a checkpoint of a model this version exports (" + KINDS + "); pass the folder or"
                + " the checkpoint .json of a 'masquerade ... train' run");
    }

    /** The manifests a run folder may hold, by the command that writes each. */
    private static final List<String> MANIFESTS = List.of(GanRun.CHECKPOINT, FashionClassifier.CHECKPOINT, ConvAutoencoder.CHECKPOINT, Detector.FILE);

    /**
     * The manifest of a checkpoint: the path itself, or the manifest in a run folder
     * (checkpoint.json, classifier.json, autoencoder.json or a detector's detector.json).
     */
    public static Path manifest(Path checkpoint) throws IOException {
        if (Files.isDirectory(checkpoint)) {
            for (String name : MANIFESTS) {
                if (Files.isRegularFile(checkpoint.resolve(name))) {
                    return checkpoint.resolve(name);
                }
            }
            throw new IOException(checkpoint + " holds no checkpoint (" + String.join(", ", MANIFESTS) + "); pass the folder or the"
                    + " checkpoint .json of a 'masquerade ... train' run");
        }
        if (!Files.exists(checkpoint) && checkpoint.toAbsolutePath().getParent() != null && Files.isDirectory(checkpoint.toAbsolutePath().getParent())) {
            Path folder = checkpoint.toAbsolutePath().getParent();
            List<String> there = MANIFESTS.stream().filter(name -> Files.isRegularFile(folder.resolve(name))).toList();
            throw new IOException("no checkpoint at " + checkpoint + (there.isEmpty() ? "" : "; that folder holds " + String.join(", ", there)));
        }
        return checkpoint;
    }

    /** The classifier: images [1, 28, 28] to ten logits. */
    public static ExportableModel classifier(FashionClassifier classifier) {
        return new ExportableModel("Fashion-MNIST classifier", classifier.model(), List.of(new GraphSpec("classifier", classifier.model(),
                List.of(new GraphSpec.Input("images", 1, 28, 28)), in -> Map.of("logits", classifier.logits(in.get(0))))));
    }

    /** A GAN: the generator (noise to samples) and the discriminator (samples to a logit). */
    public static ExportableModel gan(GanRun.Trained gan) {
        Module both = new GanRun.Pair(gan.generator(), gan.discriminator());
        int noise = gan.model().noiseSize();
        int[] sample;
        try (var scope = NoGrad.enter(); var evaluating = gan.generator().evaluating()) {
            int[] shape = gan.generator().forward(Tensor.zeros(1, noise)).shape();
            sample = Arrays.copyOfRange(shape, 1, shape.length);
        }
        return new ExportableModel("GAN (" + gan.model().cliName() + ")", both, List.of(
                layer("generator", both, gan.generator(), "noise", "samples", noise),
                layer("discriminator", both, gan.discriminator(), "samples", "logits", sample)));
    }

    /** The face swap, one graph per direction: faces to swapped faces (and the mask, when the model draws one). */
    public static ExportableModel faceSwap(FaceSwapModel model) {
        int size = model.config().size();
        List<GraphSpec> directions = new ArrayList<>();
        for (FaceSwapModel.Side to : new FaceSwapModel.Side[] {FaceSwapModel.Side.B, FaceSwapModel.Side.A}) {
            String name = to.other().name().toLowerCase(Locale.ROOT) + "_to_" + to.name().toLowerCase(Locale.ROOT);
            directions.add(new GraphSpec(name, model, List.of(new GraphSpec.Input("faces", 3, size, size)), in -> {
                FaceSwapModel.Decoded decoded = model.decode(to, model.encode(in.get(0)));
                Map<String, Tensor> out = new LinkedHashMap<>();
                out.put("swapped", decoded.mask() == null ? decoded.face() : FaceSwapModel.blend(decoded, in.get(0)));
                if (decoded.mask() != null) {
                    out.put("mask", decoded.mask());
                }
                return out;
            }));
        }
        return new ExportableModel("face swap", model, directions);
    }

    /** The autoencoder: images to their reconstructions. */
    public static ExportableModel autoencoder(ConvAutoencoder model, int channels, int size) {
        return new ExportableModel("autoencoder", model, List.of(layer("autoencoder", model, model, "images", "reconstructions", channels, size, size)));
    }

    /** A translation run on pictures [c, size, size]: each generator (pictures to translated pictures), then each discriminator (to patch logits). */
    public static ExportableModel translation(TranslationRun.Trained run, int c, int size) {
        List<GraphSpec> graphs = new ArrayList<>();
        for (String name : run.networks().generatorNames()) {
            graphs.add(layer(name, run.networks(), run.networks().part(name), name.endsWith("_ba") ? "b" : "a", "translated", c, size, size));
        }
        for (String name : run.networks().discriminatorNames()) {
            int in = name.equals("discriminator") ? 2 * c : c; // pix2pix's judges a picture beside its input
            graphs.add(layer(name, run.networks(), run.networks().part(name), "pictures", "patch_logits", in, size, size));
        }
        return new ExportableModel("translation (" + run.model().cliName() + ", " + run.task() + ")", run.networks(), graphs);
    }

    /** The motion model: a source frame animated by a driving frame, and the keypoint detector alone. */
    public static ExportableModel motion(MotionModel model) {
        int size = model.architecture().size();
        GraphSpec animate = new GraphSpec("animate", model, List.of(new GraphSpec.Input("source", 3, size, size),
                new GraphSpec.Input("driving", 3, size, size)), in -> Map.of("frames", model.animate(in.get(0), in.get(1)).prediction()));
        GraphSpec keypoints = new GraphSpec("keypoints", model, List.of(new GraphSpec.Input("frames", 3, size, size)), in -> {
            Keypoints k = model.keypoints().detect(in.get(0));
            return Map.of("keypoints", k.value(), "jacobians", k.jacobian());
        });
        return new ExportableModel("motion model", model, List.of(animate, keypoints));
    }

    /** The CNN detector: pictures (64×64 in the graph; the network itself takes any size) to the log-odds that each is fake. */
    public static ExportableModel detector(CnnDetector detector, int channels) {
        return new ExportableModel("CNN detector", detector, List.of(new GraphSpec("detector", detector,
                List.of(new GraphSpec.Input("pictures", channels, 64, 64)), in -> Map.of("fake_logit", detector.logits(in.get(0))))));
    }

    private static GraphSpec layer(String name, Module owner, Layer layer, String input, String output, int... shape) {
        return new GraphSpec(name, owner, List.of(new GraphSpec.Input(input, shape)), in -> Map.of(output, layer.forward(in.get(0))));
    }
}
