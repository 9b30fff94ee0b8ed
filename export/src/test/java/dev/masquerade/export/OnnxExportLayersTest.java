package dev.masquerade.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.Module;
import dev.masquerade.nn.Sequential;
import dev.masquerade.nn.layers.Activation;
import dev.masquerade.nn.layers.AvgPool2d;
import dev.masquerade.nn.layers.BatchNorm;
import dev.masquerade.nn.layers.Conv2d;
import dev.masquerade.nn.layers.ConvTranspose2d;
import dev.masquerade.nn.layers.Dropout;
import dev.masquerade.nn.layers.InstanceNorm;
import dev.masquerade.nn.layers.Linear;
import dev.masquerade.nn.layers.MaxPool2d;
import dev.masquerade.nn.layers.PixelShuffle;
import dev.masquerade.nn.layers.ReflectionPad;
import dev.masquerade.nn.layers.Reshape;
import dev.masquerade.nn.layers.Residual;
import dev.masquerade.nn.layers.UpsampleNearest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every layer the models are built from, exported and run by ONNX Runtime: the same numbers as the engine. */
class OnnxExportLayersTest {
    private final Rng rng = new Rng(7);

    @Test
    @Tag("task-12.2")
    void convolutionsPoolingAndActivationsAgreeWithOnnxRuntime() throws Exception {
        Sequential net = new Sequential(new Conv2d(3, 8, 3, 1, 1, rng), Activation.leakyRelu(0.2), new MaxPool2d(2, 2),
                new Conv2d(8, 8, 4, 2, 1, rng), Activation.relu(), new AvgPool2d(2, 2, 1), Activation.tanh(),
                Reshape.flatten(), new Dropout(0.5, rng), new Linear(8 * 3 * 3, 6, rng), Activation.sigmoid());
        assertAgrees("convolutions", net, 3, 16, 16);
    }

    @Test
    void normalisationInEvaluationModeAgreesWithOnnxRuntime() throws Exception {
        Sequential net = new Sequential(new Conv2d(3, 6, 3, 1, 1, rng), new BatchNorm(6), Activation.relu(),
                new InstanceNorm(6, true), new ReflectionPad(2), new Conv2d(6, 4, 5, 1, 0, rng), new InstanceNorm(4, false),
                new Residual(4, rng), Reshape.flatten(), new Linear(4 * 8 * 8, 5, rng), new BatchNorm(5));
        learnRunningStatistics(net, 3, 8, 8);
        assertAgrees("normalisation", net, 3, 8, 8);
    }

    @Test
    void upsamplingLayersAgreeWithOnnxRuntime() throws Exception {
        Sequential net = new Sequential(new ConvTranspose2d(4, 6, 4, 2, 1, rng), new UpsampleNearest(2),
                new Conv2d(6, 12, 3, 1, 1, rng), new PixelShuffle(2), new ConvTranspose2d(3, 2, 3, 2, 1, 1, rng));
        assertAgrees("upsampling", net, 4, 5, 5);
    }

    @Test
    void groupedAndDepthwiseConvolutionsAreOneConvEach() throws Exception {
        Layer grouped = new Layer() {
            private final dev.masquerade.nn.Parameter pairs = parameter("pairs", Tensor.randn(rng, 6, 2, 3, 3));
            private final dev.masquerade.nn.Parameter each = parameter("each", Tensor.randn(rng, 6, 1, 3, 3));

            @Override
            public Tensor forward(Tensor x) {
                return x.conv2d(pairs.value(), null, 1, 1, 1, 2).conv2d(each.value(), null, 2, 1, 1, 6);
            }
        };
        GraphSpec spec = layerSpec("grouped", grouped, 4, 8, 8);
        assertEquals(List.of("Conv", "Conv"), OnnxExport.toModel(spec, OnnxExport.DEFAULT_OPSET).getGraph().getNodeList().stream()
                .map(n -> n.getOpType()).toList());
        OnnxRuntimeCheck.agrees(spec);
    }

    @Test
    void anOperationWithoutAMappingFailsTheExportByName() {
        Layer positions = new Layer() {
            @Override
            public Tensor forward(Tensor x) {
                return x.argmax(1, true).to(DType.F32).add(x);
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxExport.toModel(layerSpec("positions", positions, 4), OnnxExport.DEFAULT_OPSET));
        assertTrue(e.getMessage().startsWith("the operation 'argmax' has no ONNX mapping yet"), e.getMessage());
    }

    @Test
    @Tag("task-12.1")
    void anOutputThatTheInputsDoNotComputeFailsTheExport() {
        Layer constant = new Layer() {
            @Override
            public Tensor forward(Tensor x) {
                return Tensor.ones(x.shape());
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxExport.toModel(layerSpec("constant", constant, 4), OnnxExport.DEFAULT_OPSET));
        assertTrue(e.getMessage().startsWith("output 'output' is not computed from the inputs"), e.getMessage());
    }

    /** A few training-mode passes move batch normalisation's running statistics away from 0 and 1. */
    static void learnRunningStatistics(Layer net, int... shape) {
        Rng data = new Rng(3);
        try (var scope = NoGrad.enter()) {
            for (int i = 0; i < 5; i++) {
                int[] batch = new int[shape.length + 1];
                batch[0] = 4;
                System.arraycopy(shape, 0, batch, 1, shape.length);
                net.forward(Tensor.randn(data, batch).mul(2).add(1));
            }
        }
    }

    private static void assertAgrees(String name, Layer net, int... shape) throws Exception {
        OnnxRuntimeCheck.agrees(layerSpec(name, net, shape));
    }

    static GraphSpec layerSpec(String name, Module owner, Layer net, int... shape) {
        return new GraphSpec(name, owner, List.of(new GraphSpec.Input("input", shape)), in -> Map.of("output", net.forward(in.get(0))));
    }

    static GraphSpec layerSpec(String name, Layer net, int... shape) {
        return layerSpec(name, net, net, shape);
    }
}
