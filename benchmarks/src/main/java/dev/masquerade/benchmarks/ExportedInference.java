package dev.masquerade.benchmarks;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.masquerade.autoencoder.FaceSwapConfig;
import dev.masquerade.autoencoder.FaceSwapModel;
import dev.masquerade.engine.Memory;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.export.ExportableModel;
import dev.masquerade.export.ExportableModels;
import dev.masquerade.export.GraphSpec;
import dev.masquerade.export.OnnxExport;
import dev.masquerade.gan.GanModel;
import dev.masquerade.gan.GanRun;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * An exported model's inference, by the engine and by ONNX Runtime on the same CPU cores and
 * the same batch: faceswap_small's a_to_b graph (16 faces of 64×64) and the DCGAN generator
 * (16 noise vectors). ONNX Runtime gets as many intra-op threads as the engine's pool
 * ({@code -Dmasquerade.cpu.threads}, else every core). {@code export} times the export itself:
 * the traced pass, the graph and its serialisation.
 */
@State(Scope.Benchmark)
public class ExportedInference extends EngineBenchmark {
    /** Pictures or noise vectors per call. */
    static final int BATCH = 16;

    @Param({"faceswap_small", "dcgan28_generator"})
    public String model;
    private GraphSpec graph;
    private Tensor input;
    private OrtEnvironment ort;
    private OrtSession session;
    private OnnxTensor feed;

    @Setup(Level.Trial)
    public void setUp() throws OrtException {
        Rng rng = new Rng(0);
        ExportableModel exportable = model.equals("faceswap_small")
                ? ExportableModels.faceSwap(new FaceSwapModel(FaceSwapConfig.SMALL, rng))
                : ExportableModels.gan(new GanRun.Trained(GanModel.FASHION_MNIST, GanModel.FASHION_MNIST.generator(rng),
                        GanModel.FASHION_MNIST.discriminator(rng)));
        graph = exportable.graphs().get(0);
        int[] shape = new int[graph.inputs().get(0).shape().length + 1];
        shape[0] = BATCH;
        System.arraycopy(graph.inputs().get(0).shape(), 0, shape, 1, shape.length - 1);
        input = Tensor.rand(rng, shape);
        ort = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(Integer.getInteger("masquerade.cpu.threads", Runtime.getRuntime().availableProcessors()));
        session = ort.createSession(OnnxExport.toModel(graph, OnnxExport.DEFAULT_OPSET).toByteArray(), options);
        feed = OnnxTensor.createTensor(ort, FloatBuffer.wrap(input.toFloatArray()), Arrays.stream(shape).asLongStream().toArray());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws OrtException {
        feed.close();
        session.close();
    }

    @Benchmark
    public float engine() {
        try (Memory.Scope scope = Memory.scope(); var evaluating = graph.model().evaluating(); var noGrad = NoGrad.enter()) {
            Map<String, Tensor> out = graph.forward().apply(List.of(input));
            return out.values().iterator().next().toFloatArray()[0];
        }
    }

    @Benchmark
    public float onnxRuntime() throws OrtException {
        try (OrtSession.Result result = session.run(Map.of(graph.inputs().get(0).name(), feed))) {
            return ((OnnxTensor) result.get(0)).getFloatBuffer().get(0);
        }
    }

    @Benchmark
    public int export() {
        return OnnxExport.toModel(graph, OnnxExport.DEFAULT_OPSET).getSerializedSize();
    }
}
