package dev.masquerade.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masquerade.autoencoder.ConvAutoencoder;
import dev.masquerade.autoencoder.FaceSwapConfig;
import dev.masquerade.autoencoder.FaceSwapModel;
import dev.masquerade.detection.cnn.CnnDetector;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.gan.GanModel;
import dev.masquerade.gan.GanRun;
import dev.masquerade.motion.model.MotionModel;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.classify.FashionClassifier;
import dev.masquerade.nn.layers.Upsampling;
import dev.masquerade.nn.train.TrainingLog;
import dev.masquerade.translation.TranslationModel;
import dev.masquerade.translation.TranslationRun;
import dev.masquerade.translation.models.Norm;
import dev.masquerade.translation.tasks.TranslationTask;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every model the command line trains, exported part by part and run by ONNX Runtime at batch
 * sizes 1 and 5: the same outputs as the engine, within 1e-4 of the largest.
 */
class OnnxExportModelsTest {
    private final Rng rng = new Rng(11);

    @Test
    @Tag("task-12.2")
    void theClassifierExports() throws Exception {
        assertEveryPartAgrees(ExportableModels.classifier(new FashionClassifier(rng)), "classifier");
    }

    @Test
    void bothNetworksOfTheDcganExport() throws Exception {
        Layer generator = GanModel.FASHION_MNIST.generator(rng);
        Layer discriminator = GanModel.FASHION_MNIST.discriminator(rng);
        OnnxExportLayersTest.learnRunningStatistics(generator, GanModel.FASHION_MNIST.noiseSize());
        assertEveryPartAgrees(ExportableModels.gan(new GanRun.Trained(GanModel.FASHION_MNIST, generator, discriminator)),
                "generator", "discriminator");
    }

    @Test
    void bothDirectionsOfTheFaceSwapExportWithTheirMasks() throws Exception {
        assertEveryPartAgrees(ExportableModels.faceSwap(new FaceSwapModel(new FaceSwapConfig(64, 16, 64, true), rng)), "a_to_b", "b_to_a");
    }

    @Test
    @Tag("task-12.2")
    void theFaceSwapWithoutMasksExports() throws Exception {
        assertEveryPartAgrees(ExportableModels.faceSwap(new FaceSwapModel(new FaceSwapConfig(64, 16, 64, false), rng)), "a_to_b", "b_to_a");
    }

    @Test
    void theAutoencoderExports() throws Exception {
        assertEveryPartAgrees(ExportableModels.autoencoder(new ConvAutoencoder(1, 28, 16, rng), 1, 28), "autoencoder");
    }

    @Test
    void pix2pixExportsItsGeneratorAndItsDiscriminator() throws Exception {
        TranslationModel.Networks networks = TranslationModel.PIX2PIX.build(new TranslationModel.Design(
                new TranslationTask.Architecture(3, 2, 8, 2, 4, false), Norm.parse("batch"), Upsampling.TRANSPOSED, 1), rng);
        assertEveryPartAgrees(ExportableModels.translation(new TranslationRun.Trained("edges2fashion", TranslationModel.PIX2PIX, networks), 1, 32),
                "generator", "discriminator");
    }

    @Test
    void cycleGanExportsBothTranslators() throws Exception {
        TranslationModel.Networks networks = TranslationModel.CYCLEGAN.build(new TranslationModel.Design(
                new TranslationTask.Architecture(3, 2, 8, 2, 4, false), Norm.parse("instance"), Upsampling.RESIZE, 3), rng);
        assertEveryPartAgrees(ExportableModels.translation(new TranslationRun.Trained("day2night", TranslationModel.CYCLEGAN, networks), 3, 32),
                "generator_ab", "generator_ba", "discriminator_b", "discriminator_a");
    }

    @Test
    void theMotionModelExportsItsAnimationAndItsKeypoints() throws Exception {
        MotionModel model = new MotionModel(new MotionModel.Architecture(4, 32, 8, 2, 32, 8, 1, 1), rng);
        assertEveryPartAgrees(ExportableModels.motion(model), "animate", "keypoints");
    }

    @Test
    void theCnnDetectorExports(@TempDir Path work) throws Exception {
        List<Tensor> real = List.of(Tensor.rand(rng, 3, 32, 32), Tensor.rand(rng, 3, 32, 32));
        List<Tensor> fake = List.of(Tensor.rand(rng, 3, 32, 32).mul(0.5), Tensor.rand(rng, 3, 32, 32).mul(0.5));
        CnnDetector detector;
        try (TrainingLog log = new TrainingLog(work)) {
            detector = CnnDetector.train(real, fake, new CnnDetector.Options(2, 4, 1e-3, 28, false, 1, false), log);
        }
        assertEveryPartAgrees(ExportableModels.detector(detector, 3), "detector");
    }

    private static void assertEveryPartAgrees(ExportableModel model, String... parts) throws Exception {
        assertEquals(List.of(parts), model.graphs().stream().map(GraphSpec::name).toList(), model.kind() + "'s parts");
        for (GraphSpec graph : model.graphs()) {
            OnnxRuntimeCheck.agrees(graph);
        }
    }
}
