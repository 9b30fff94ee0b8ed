package dev.masquerade.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.nn.Sequential;
import dev.masquerade.nn.layers.BatchNorm;
import dev.masquerade.nn.layers.Linear;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The safetensors layout: what is written is read back, the header says where every value lies, and a bad file is one clear line. */
class SafetensorsTest {
    @TempDir
    Path work;

    @Test
    @Tag("task-12.3")
    void everyDtypeComesBackExactly() throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("weights", Tensor.randn(new Rng(1), 3, 4));
        tensors.put("precise", Tensor.of(new double[] {Math.PI, -1e-300}, DType.F64, 2));
        tensors.put("counts", Tensor.of(new double[] {7, -2, 2_000_000_000}, DType.I32, 3));
        Path file = work.resolve("t.safetensors");
        Safetensors.write(file, tensors, Map.of("format", "pt"));
        Map<String, Tensor> back = Safetensors.read(file);
        assertEquals(List.copyOf(tensors.keySet()), List.copyOf(back.keySet()));
        tensors.forEach((name, t) -> {
            assertEquals(t.dtype(), back.get(name).dtype(), name);
            assertArrayEquals(t.shape(), back.get(name).shape(), name);
            assertArrayEquals(t.toDoubleArray(), back.get(name).toDoubleArray(), name);
        });
    }

    @Test
    @Tag("task-12.3")
    void theHeaderIsJsonWithByteRangesAndTheValuesStartAlignedToEightBytes() throws IOException {
        Path file = work.resolve("t.safetensors");
        Safetensors.write(file, Map.of("w", Tensor.of(new float[] {1.5f, -2f}, 2)), Map.of());
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = bytes.getLong();
        assertEquals(0, headerLength % 8);
        String header = new String(bytes.array(), 8, (int) headerLength, StandardCharsets.UTF_8).strip();
        assertEquals("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", header);
        assertEquals(1.5f, bytes.getFloat(8 + (int) headerLength));
        assertEquals(8 + headerLength + 8, bytes.capacity());
    }

    @Test
    @Tag("task-12.3")
    void loadsIntoAModelByItsParameterAndBufferNames() throws IOException {
        Sequential saved = new Sequential(new Linear(4, 3, new Rng(1)), new BatchNorm(3));
        Sequential fresh = new Sequential(new Linear(4, 3, new Rng(2)), new BatchNorm(3));
        Map<String, Tensor> state = new LinkedHashMap<>(Safetensors.stateOf(saved));
        state.put("1.num_batches_tracked", Tensor.of(new double[] {5}, DType.I32)); // as PyTorch's batch norm saves it
        Path file = work.resolve("m.safetensors");
        Safetensors.write(file, state, Map.of());
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var"), List.copyOf(Safetensors.stateOf(saved).keySet()));
        assertEquals(List.of("1.num_batches_tracked"), Safetensors.loadInto(file, fresh));
        assertArrayEquals(saved.namedParameters().get("0.weight").value().toFloatArray(), fresh.namedParameters().get("0.weight").value().toFloatArray());
    }

    @Test
    void aMissingTensorIsNamed() throws IOException {
        Path file = work.resolve("m.safetensors");
        Safetensors.write(file, Map.of("0.weight", Tensor.zeros(3, 4)), Map.of());
        IOException e = assertThrows(IOException.class, () -> Safetensors.loadInto(file, new Sequential(new Linear(4, 3, new Rng(1)))));
        assertTrue(e.getMessage().endsWith("has no tensor 0.bias, which this model needs (was it saved from another model?)"), e.getMessage());
    }

    @Test
    void aFileThatIsNotSafetensorsOrIsCutShortIsRefused() throws IOException {
        Path text = work.resolve("notes.safetensors");
        Files.writeString(text, "just some notes, not tensors");
        IOException e = assertThrows(IOException.class, () -> Safetensors.read(text));
        assertTrue(e.getMessage().contains("is not a safetensors file"), e.getMessage());
        Path whole = work.resolve("whole.safetensors");
        Safetensors.write(whole, Map.of("w", Tensor.zeros(100)), Map.of());
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = work.resolve("cut.safetensors");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        e = assertThrows(IOException.class, () -> Safetensors.read(cut));
        assertTrue(e.getMessage().contains("tensor w [100] F32 does not fit its byte range [0, 400)"), e.getMessage());
    }
}
