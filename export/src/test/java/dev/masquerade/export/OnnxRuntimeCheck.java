package dev.masquerade.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an exported graph with ONNX Runtime, the industrial runtime, and compares it with the
 * engine on the same inputs: every output within 1e-4 of the engine's, relative to the
 * output's largest magnitude, at batch sizes other than the traced one.
 */
final class OnnxRuntimeCheck {
    static final double RELATIVE_TOLERANCE = 1e-4;
    private static final OrtEnvironment ORT = OrtEnvironment.getEnvironment();

    private OnnxRuntimeCheck() {
    }

    /** Exports spec, runs it at batch sizes 1 and 5 in both places and compares; returns the largest relative difference. */
    static double agrees(GraphSpec spec) throws OrtException {
        byte[] file = OnnxExport.toModel(spec, OnnxExport.DEFAULT_OPSET).toByteArray();
        double worst = 0;
        try (OrtSession session = ORT.createSession(file, new OrtSession.SessionOptions())) {
            for (int batch : new int[] {1, 5}) {
                worst = Math.max(worst, compare(spec, session, batch));
            }
        }
        return worst;
    }

    private static double compare(GraphSpec spec, OrtSession session, int batch) throws OrtException {
        List<Tensor> inputs = spec.randomInputs(batch, new Rng(batch));
        Map<String, OnnxTensor> feeds = new HashMap<>();
        try {
            for (int i = 0; i < inputs.size(); i++) {
                feeds.put(spec.inputs().get(i).name(), OnnxTensor.createTensor(ORT, FloatBuffer.wrap(inputs.get(i).toFloatArray()),
                        Arrays.stream(inputs.get(i).shape()).asLongStream().toArray()));
            }
            Map<String, Tensor> expected;
            try (var evaluating = spec.model().evaluating(); var noGrad = NoGrad.enter()) {
                expected = spec.forward().apply(inputs);
            }
            double worst = 0;
            try (OrtSession.Result result = session.run(feeds)) {
                assertEquals(expected.keySet(), new java.util.HashSet<>(session.getOutputNames()), "the graph's outputs");
                for (Map.Entry<String, Tensor> e : expected.entrySet()) {
                    OnnxTensor actual = (OnnxTensor) result.get(e.getKey()).orElseThrow();
                    assertArrayEquals(Arrays.stream(e.getValue().shape()).asLongStream().toArray(), actual.getInfo().getShape(),
                            e.getKey() + "'s shape at batch " + batch);
                    worst = Math.max(worst, relativeDifference(e.getValue().toFloatArray(), floats(actual)));
                }
            }
            assertTrue(worst <= RELATIVE_TOLERANCE, spec.name() + " at batch " + batch + ": ONNX Runtime differs from the engine by " + worst
                    + " of the largest output, more than " + RELATIVE_TOLERANCE);
            return worst;
        } finally {
            feeds.values().forEach(OnnxTensor::close);
        }
    }

    private static float[] floats(OnnxTensor t) {
        FloatBuffer buffer = t.getFloatBuffer();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }

    /** max |a − b| / max |a|. */
    static double relativeDifference(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, "number of values");
        double scale = 0;
        double difference = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            difference = Math.max(difference, Math.abs(expected[i] - actual[i]));
        }
        return difference / Math.max(scale, Float.MIN_NORMAL);
    }
}
