package dev.masquerade.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Sequential;
import dev.masquerade.nn.layers.BatchNorm;
import dev.masquerade.nn.layers.Linear;
import dev.masquerade.nn.optim.Adam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and loading models: round trips, and clear errors for every way a file can be wrong. */
class CheckpointTest {
    @TempDir
    Path folder;

    private static Sequential model(long seed) {
        return new Sequential(new Linear(4, 3, new Rng(seed)), new BatchNorm(3));
    }

    /** A model trained one step, saved with its optimizer. */
    private record Saved(Sequential model, Path manifest) {
    }

    private Saved save() throws IOException {
        Sequential net = model(1);
        Adam adam = new Adam(net.parameters(), 0.1, 0.9, 0.999);
        net.forward(Tensor.randn(new Rng(2), 8, 4)).sum().backward();
        adam.step();
        Path manifest = folder.resolve("model.json");
        Checkpoint.save(manifest, net, adam, Map.of("layers", 2));
        return new Saved(net, manifest);
    }

    private Path savedModel() throws IOException {
        return save().manifest();
    }

    @Test
    void aModelAndItsOptimizerRoundTrip() throws IOException {
        Saved saved = save();
        Sequential original = saved.model();
        Path manifest = saved.manifest();
        Sequential restored = model(99);
        Adam restoredAdam = new Adam(restored.parameters(), 0.1, 0.9, 0.999);
        Map<String, Object> config = Checkpoint.loadInto(manifest, restored, restoredAdam);
        assertEquals(2, config.get("layers"));
        original.namedParameters().forEach((name, p) ->
                assertArrayEquals(p.value().toFloatArray(), restored.namedParameters().get(name).value().toFloatArray(), name));
        original.namedBuffers().forEach((name, b) -> assertArrayEquals(b.toFloatArray(), restored.namedBuffers().get(name).toFloatArray(), name));
        assertEquals(1, restoredAdam.steps());
    }

    @Test
    void whatAKilledSaveLeftBehindIsRemovedAndTheCheckpointStillLoads() throws IOException {
        Path manifest = savedModel();
        // a kill during a later save: half of a temporary manifest, and a data file the manifest never came to name
        Files.write(folder.resolve(".model.json123456.tmp"), new byte[100]);
        Files.write(folder.resolve(".model.0123456789abcdef.bin98765.tmp"), new byte[1000]);
        Files.write(folder.resolve("model.0123456789abcdef.bin"), new byte[1000]);
        Files.write(folder.resolve("notes.txt"), new byte[] {1});
        Checkpoint.removeLeftovers(manifest);
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(3, names.size(), "the manifest, its data and the user's own file remain: " + names);
            assertTrue(names.contains("notes.txt"), names.toString());
        }
        Checkpoint.load(manifest);
    }

    @Test
    void aDamagedManifestKeepsEveryDataFile() throws IOException {
        Path manifest = savedModel();
        Files.write(folder.resolve("model.0123456789abcdef.bin"), new byte[10]);
        Files.writeString(manifest, "{ not json");
        Checkpoint.removeLeftovers(manifest);
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(2, files.filter(p -> p.toString().endsWith(".bin")).count(), "nothing deleted beside an unreadable manifest");
        }
    }

    @Test
    void savingAgainReplacesTheDataFileAndLeavesNoTemporaries() throws IOException {
        Path manifest = savedModel();
        Checkpoint.save(manifest, Map.of("x", Tensor.ones(3)), Map.of());
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(2, names.size(), names.toString());
            assertTrue(names.contains("model.json") && names.stream().anyMatch(n -> n.endsWith(".bin")), names.toString());
        }
        assertArrayEquals(new float[] {1, 1, 1}, Checkpoint.load(manifest).tensors().get("x").toFloatArray());
    }

    @Test
    void corruptDataIsDetected() throws IOException {
        Path manifest = savedModel();
        Path data;
        try (Stream<Path> files = Files.list(folder)) {
            data = files.filter(p -> p.toString().endsWith(".bin")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(data);
        bytes[5] ^= 0x40;
        Files.write(data, bytes);
        IOException e = assertThrows(IOException.class, () -> Checkpoint.load(manifest));
        assertTrue(e.getMessage().contains("corrupt") && e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void aTruncatedOrForeignManifestIsRejected() throws IOException {
        Path manifest = savedModel();
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.substring(0, text.length() / 2));
        IOException truncated = assertThrows(IOException.class, () -> Checkpoint.load(manifest));
        assertTrue(truncated.getMessage().contains("is not a checkpoint manifest"), truncated.getMessage());
        Files.writeString(manifest, "{\"format\": \"something-else\", \"version\": 1}");
        IOException foreign = assertThrows(IOException.class, () -> Checkpoint.load(manifest));
        assertTrue(foreign.getMessage().contains("masquerade-checkpoint"), foreign.getMessage());
        IOException missing = assertThrows(IOException.class, () -> Checkpoint.load(folder.resolve("nothing.json")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    @Test
    void anotherArchitectureNamesTheMismatchedTensor() throws IOException {
        Path manifest = savedModel();
        Sequential wider = new Sequential(new Linear(4, 5, new Rng(1)), new BatchNorm(5));
        IOException shape = assertThrows(IOException.class, () -> Checkpoint.loadInto(manifest, wider, Map.of()));
        assertTrue(shape.getMessage().contains("tensor 0.weight has shape [3, 4] in the file but [5, 4] in the model"), shape.getMessage());
        Sequential deeper = new Sequential(new Linear(4, 3, new Rng(1)), new BatchNorm(3), new Linear(3, 3, new Rng(2)));
        IOException missing = assertThrows(IOException.class, () -> Checkpoint.loadInto(manifest, deeper, Map.of()));
        assertTrue(missing.getMessage().contains("tensor 2.weight is missing"), missing.getMessage());
    }
}
