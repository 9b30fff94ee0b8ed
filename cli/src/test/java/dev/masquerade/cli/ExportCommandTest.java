package dev.masquerade.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Tensor;
import dev.masquerade.export.Safetensors;
import dev.masquerade.export.onnx.Onnx;
import dev.masquerade.nn.io.Checkpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** masquerade export and masquerade import, as a user runs them, on a GAN trained on the ring (seconds, no data to install). */
class ExportCommandTest {
    private final CommandLineUser user = new CommandLineUser();

    @TempDir
    static Path trained;
    private static String checkpoint;
    @TempDir
    Path work;

    @BeforeAll
    static void trainARingGan() {
        CommandLineUser trainer = new CommandLineUser();
        Path run = trained.resolve("ring");
        assertEquals(0, trainer.run("gan", "train", "--dataset", "ring", "--epochs", "1", "--out", run.toString(), "--no-progress"), trainer.err());
        checkpoint = run.resolve("checkpoint.json").toString();
    }

    @Test
    void exportsEveryPartAsItsOwnOnnxGraph() throws IOException {
        Path out = work.resolve("ring.onnx");
        assertEquals(0, user.run("export", "--checkpoint", checkpoint, "--out", out.toString()), user.err());
        Onnx.ModelProto generator = Onnx.ModelProto.parseFrom(Files.readAllBytes(work.resolve("ring-generator.onnx")));
        Onnx.ModelProto discriminator = Onnx.ModelProto.parseFrom(Files.readAllBytes(work.resolve("ring-discriminator.onnx")));
        assertEquals("noise", generator.getGraph().getInput(0).getName());
        assertEquals("samples", generator.getGraph().getOutput(0).getName());
        assertEquals("samples", discriminator.getGraph().getInput(0).getName());
        assertEquals(17, generator.getOpsetImport(0).getVersion());
        assertTrue(user.out().contains("the GAN (ring)'s generator"), user.out());
        assertTrue(user.out().contains("inputs  noise [batch, 16]"), user.out());
    }

    @Test
    void onePartWithAnOlderOpset() throws IOException {
        Path out = work.resolve("generator.onnx");
        assertEquals(0, user.run("export", "--checkpoint", checkpoint, "--out", out.toString(), "--part", "generator", "--opset", "13"), user.err());
        assertEquals(13, Onnx.ModelProto.parseFrom(Files.readAllBytes(out)).getOpsetImport(0).getVersion());
        assertEquals(1, user.run("export", "--checkpoint", checkpoint, "--out", work.resolve("x.onnx").toString(), "--part", "critic"));
        assertTrue(user.err().contains("--part critic: this GAN (ring) has the parts generator, discriminator; give one of them"), user.err());
        assertEquals(1, user.run("export", "--checkpoint", checkpoint, "--out", work.resolve("y.onnx").toString(), "--opset", "18"));
        assertTrue(user.err().contains("--opset 18 is not supported; use 13 to 17 (default 17)"), user.err());
    }

    @Test
    void neverOverwritesWithoutForce() throws IOException {
        Path out = work.resolve("generator.onnx");
        Files.writeString(out, "keep me");
        assertEquals(1, user.run("export", "--checkpoint", checkpoint, "--out", out.toString(), "--part", "generator"));
        assertTrue(user.err().contains(out + " exists; pass --force to overwrite it"), user.err());
        assertEquals("keep me", Files.readString(out));
        assertEquals(0, user.run("export", "--checkpoint", checkpoint, "--out", out.toString(), "--part", "generator", "--force"), user.err());
        assertEquals("noise", Onnx.ModelProto.parseFrom(Files.readAllBytes(out)).getGraph().getInput(0).getName());
        Path samples = work.resolve("g.samples.npy");
        Files.writeString(samples, "keep me too");
        assertEquals(1, user.run("export", "--checkpoint", checkpoint, "--out", work.resolve("g.onnx").toString(), "--part", "generator",
                "--reference"));
        assertTrue(user.err().contains(samples + " exists; pass --force"), "the reference files are checked too: " + user.err());
        assertEquals("keep me too", Files.readString(samples));
        assertTrue(Files.notExists(work.resolve("g.onnx")), "nothing written when one file is in the way");
    }

    @Test
    void safetensorsWeightsComeBackIntoANewCheckpointUnchanged() throws IOException {
        Path weights = work.resolve("ring.safetensors");
        assertEquals(0, user.run("export", "--checkpoint", checkpoint, "--out", weights.toString(), "--format", "safetensors", "--reference"),
                user.err());
        assertArrayEquals(new int[] {4, 2}, dev.masquerade.nn.data.Npy.read(work.resolve("ring.generator.samples.npy")).shape(),
                "the engine's reference output beside the weights, one file per part and value");
        Path imported = work.resolve("imported.json");
        assertEquals(0, user.run("import", "--weights", weights.toString(), "--checkpoint", checkpoint, "--out", imported.toString()), user.err());
        assertTrue(user.out().contains("wrote " + imported), user.out());
        Map<String, Tensor> before = Checkpoint.load(Path.of(checkpoint)).tensors();
        Map<String, Tensor> after = Checkpoint.load(imported).tensors();
        after.forEach((name, t) -> assertArrayEquals(before.get(name).toFloatArray(), t.toFloatArray(), name));
        assertTrue(after.keySet().containsAll(List.of("generator.0.weight", "discriminator.0.weight")), after.keySet().toString());
        assertEquals(1, user.run("import", "--weights", weights.toString(), "--checkpoint", checkpoint, "--out", checkpoint));
        assertTrue(user.err().contains("is the checkpoint the model comes from"), user.err());
    }

    @Test
    void aMisshapenOrForeignTensorIsOneClearLine() throws IOException {
        Map<String, Tensor> weights = new LinkedHashMap<>(Checkpoint.load(Path.of(checkpoint)).tensors());
        weights.keySet().removeIf(name -> name.startsWith("optimizer."));
        weights.put("generator.0.weight", Tensor.zeros(3, 3));
        Path misshapen = work.resolve("misshapen.safetensors");
        Safetensors.write(misshapen, weights, Map.of());
        assertEquals(1, user.run("import", "--weights", misshapen.toString(), "--checkpoint", checkpoint, "--out", work.resolve("a.json").toString()));
        assertTrue(user.err().contains("tensor generator.0.weight is [3, 3] but this model's is"), user.err());
        Path halves = work.resolve("halves.safetensors");
        Files.write(halves, halfPrecisionFile());
        assertEquals(1, user.run("import", "--weights", halves.toString(), "--checkpoint", checkpoint, "--out", work.resolve("b.json").toString()));
        assertTrue(user.err().contains("is F16, which the engine does not hold; save it as F32"), user.err());
        assertTrue(Files.notExists(work.resolve("a.json")) && Files.notExists(work.resolve("b.json")), "nothing written");
    }

    @Test
    void aCheckpointOfAnotherKindIsOneClearLine() throws IOException {
        Path other = work.resolve("other.json");
        Checkpoint.save(other, Map.of("w", Tensor.zeros(2)), Map.of("model", "something-else"));
        assertEquals(1, user.run("export", "--checkpoint", other.toString(), "--out", work.resolve("o.onnx").toString()));
        assertTrue(user.err().contains("is not a checkpoint of a model this version exports"), user.err());
        Path spectrum = work.resolve("spectrum-detector");
        Checkpoint.save(spectrum.resolve("detector.json"), Map.of("w", Tensor.zeros(2)), Map.of("method", "spectrum"));
        assertEquals(1, user.run("export", "--checkpoint", spectrum.toString(), "--out", work.resolve("s.onnx").toString()));
        assertTrue(user.err().contains("is a spectrum detector: logistic regression on a picture's Fourier spectrum"), user.err());
    }

    /** A safetensors file as PyTorch writes one for a half-precision model: one F16 tensor. */
    private static byte[] halfPrecisionFile() {
        String header = "{\"generator.0.weight\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}";
        java.nio.ByteBuffer file = java.nio.ByteBuffer.allocate(8 + header.length() + 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        file.putLong(header.length()).put(header.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return file.array();
    }
}
