package dev.masquerade.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.autoencoder.ConvAutoencoder;
import dev.masquerade.autoencoder.FaceSwapConfig;
import dev.masquerade.autoencoder.FaceSwapModel;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.testing.ExternalData;
import dev.masquerade.gan.GanModel;
import dev.masquerade.gan.GanRun;
import dev.masquerade.motion.model.MotionModel;
import dev.masquerade.nn.classify.FashionClassifier;
import dev.masquerade.nn.io.ChildProcess;
import dev.masquerade.nn.layers.Upsampling;
import dev.masquerade.translation.TranslationModel;
import dev.masquerade.translation.TranslationRun;
import dev.masquerade.translation.models.Norm;
import dev.masquerade.translation.tasks.TranslationTask;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of exported graph passes the ONNX project's own checker ({@code onnx.checker}
 * with full shape inference, through benchmarks/onnx_graph.py and Debian's python3-onnx):
 * skipped where python3-onnx is missing, required in CI.
 */
class OnnxCheckerTest {
    private static final Path SCRIPT = Path.of("..", "benchmarks", "onnx_graph.py");

    @Test
    void everyKindOfGraphPassesTheOnnxChecker(@TempDir Path work) throws Exception {
        ExternalData.require(pythonHasOnnx(), "python3-onnx is missing: apt-get install python3-onnx");
        Rng rng = new Rng(3);
        List<ExportableModel> models = List.of(
                ExportableModels.classifier(new FashionClassifier(rng)),
                ExportableModels.gan(new GanRun.Trained(GanModel.FASHION_MNIST, GanModel.FASHION_MNIST.generator(rng),
                        GanModel.FASHION_MNIST.discriminator(rng))),
                ExportableModels.faceSwap(new FaceSwapModel(new FaceSwapConfig(64, 16, 64, true), rng)),
                ExportableModels.autoencoder(new ConvAutoencoder(1, 28, 16, rng), 1, 28),
                ExportableModels.translation(new TranslationRun.Trained("day2night", TranslationModel.CYCLEGAN,
                        TranslationModel.CYCLEGAN.build(new TranslationModel.Design(new TranslationTask.Architecture(3, 2, 8, 2, 4, false),
                                Norm.parse("instance"), Upsampling.SHUFFLE, 3), rng)), 3, 32),
                ExportableModels.motion(new MotionModel(new MotionModel.Architecture(4, 32, 8, 2, 32, 8, 1, 1), rng)));
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", SCRIPT.toString()));
        for (ExportableModel model : models) {
            for (GraphSpec graph : model.graphs()) {
                Path file = work.resolve(graph.name() + "-" + command.size() + ".onnx");
                Files.write(file, OnnxExport.toModel(graph, OnnxExport.DEFAULT_OPSET).toByteArray());
                command.add(file.toString());
            }
        }
        Process checker = ChildProcess.of(command).redirectErrorStream(true).start();
        String report = new String(checker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, checker.waitFor(), report);
        assertEquals(command.size() - 2, report.lines().filter(line -> line.contains(": valid (opset 17")).count(), report);
        assertTrue(!report.contains("INVALID"), report);
    }

    private static boolean pythonHasOnnx() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
            return false;
        }
        return ChildProcess.of("/usr/bin/python3", "-c", "import onnx").redirectErrorStream(true).start().waitFor() == 0;
    }
}
