package dev.masquerade.tutorials;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.Trace;
import dev.masquerade.export.ExportableModel;
import dev.masquerade.export.ExportableModels;
import dev.masquerade.export.OnnxExport;
import dev.masquerade.export.Safetensors;
import dev.masquerade.export.onnx.Onnx;
import dev.masquerade.nn.classify.FashionClassifier;
import dev.masquerade.nn.layers.BatchNorm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chapter 31, taking the model with you: the Fashion-MNIST classifier traced (operations
 * recorded against nodes exported), the sizes of its ONNX and safetensors files, and batch
 * normalisation in training mode against evaluation mode on one small batch.
 */
public final class ExportChapter extends Chapter {
    /** The batch-norm example's running statistics and affine parameters. */
    static final double MEAN = 1, VARIANCE = 0.25, GAMMA = 1.5, BETA = -0.5;

    public ExportChapter() {
        super(31, "Taking the model with you: computation graphs, ONNX and safetensors", "31-export.md");
    }

    /** The classifier every number below is about (seed 1; the weights do not change the counts). */
    static FashionClassifier classifier() {
        return new FashionClassifier(new Rng(1));
    }

    /** Operations recorded by one traced forward pass of the classifier. */
    static int recordedOperations() {
        FashionClassifier classifier = classifier();
        try (var evaluating = classifier.model().evaluating(); var scope = NoGrad.enter(); Trace trace = Trace.start()) {
            classifier.logits(Tensor.zeros(2, 1, 28, 28));
            return trace.operations().size();
        }
    }

    static Onnx.ModelProto exported() {
        ExportableModel model = ExportableModels.classifier(classifier());
        return OnnxExport.toModel(model.graphs().get(0), OnnxExport.DEFAULT_OPSET);
    }

    /** The safetensors file of the classifier's weights, metadata included: [header length, file length]. */
    static long[] safetensorsSizes() {
        try {
            Path file = Files.createTempFile("classifier", ".safetensors");
            try {
                Safetensors.write(file, ExportableModels.classifier(classifier())); // as masquerade export writes it
                byte[] bytes = Files.readAllBytes(file);
                return new long[] {ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(), bytes.length};
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One channel of batch norm on the batch [1, 3]: in training mode, then in evaluation mode. */
    static double[][] batchNormBothWays() {
        BatchNorm norm = new BatchNorm(1);
        norm.namedParameters().get("weight").replace(Tensor.of(new double[] {GAMMA}, 1));
        norm.namedParameters().get("bias").replace(Tensor.of(new double[] {BETA}, 1));
        norm.setBuffer("running_mean", Tensor.of(new double[] {MEAN}, 1));
        norm.setBuffer("running_var", Tensor.of(new double[] {VARIANCE}, 1));
        Tensor batch = Tensor.of(new double[] {1, 3}, 2, 1);
        try (var scope = NoGrad.enter()) {
            double[] evaluation;
            try (var evaluating = norm.evaluating()) {
                evaluation = norm.forward(batch).toDoubleArray();
            }
            double[] training = norm.forward(batch).toDoubleArray(); // (this also moves the running statistics: done last)
            return new double[][] {training, evaluation};
        }
    }

    @Override
    public Map<String, Double> numbers() {
        Map<String, Double> numbers = new LinkedHashMap<>();
        Onnx.GraphProto graph = exported().getGraph();
        numbers.put("parameters", (double) classifier().model().parameters().stream().mapToLong(p -> p.value().numel()).sum());
        numbers.put("recorded operations", (double) recordedOperations());
        numbers.put("exported nodes", (double) graph.getNodeCount());
        numbers.put("initialisers", (double) graph.getInitializerCount());
        numbers.put("onnx bytes", (double) exported().getSerializedSize());
        long[] safetensors = safetensorsSizes();
        numbers.put("safetensors header bytes", (double) safetensors[0]);
        numbers.put("safetensors bytes", (double) safetensors[1]);
        double[][] bn = batchNormBothWays();
        numbers.put("training y1", bn[0][0]);
        numbers.put("training y2", bn[0][1]);
        numbers.put("evaluation y1", bn[1][0]);
        numbers.put("evaluation y2", bn[1][1]);
        double scale = GAMMA / Math.sqrt(VARIANCE + BatchNorm.DEFAULT_EPS);
        numbers.put("scale", scale);
        numbers.put("shift", BETA - scale * MEAN);
        return numbers;
    }
}
