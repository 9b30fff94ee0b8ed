package dev.masquerade.nn.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.nn.Module;
import dev.masquerade.nn.Parameter;
import dev.masquerade.nn.optim.Optimizer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkpoints: named tensors plus a configuration, as a JSON manifest ({@code model.json}) and
 * one little-endian binary file of the values.
 *
 * <p>The manifest lists each tensor's name, dtype, shape, byte offset and length, and holds
 * the SHA-256 of the binary file. Writing is atomic: the values go to a new file named after
 * their hash, then the manifest is written to a temporary file and moved over the old one in
 * one step. A crash at any moment leaves either the old checkpoint or the new one, never a
 * mix. Loading checks the format, the hash, the sizes and (for a model) every name and shape,
 * and says which tensor is wrong.
 */
public final class Checkpoint {
    /** The format tag in every manifest. */
    public static final String FORMAT = "masquerade-checkpoint";
    /** The manifest version this code writes and reads. */
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Tensors and configuration read from a checkpoint. */
    public record Contents(Map<String, Tensor> tensors, Map<String, Object> config) {
    }

    /** One tensor's entry in the manifest. */
    public record Entry(String name, String dtype, int[] shape, long offset, long bytes) {
    }

    /** The manifest as stored. */
    public record Manifest(String format, int version, Map<String, Object> config, String data, String sha256, List<Entry> tensors) {
    }

    private Checkpoint() {
    }

    /** Writes tensors and config to {@code manifest} (and a binary file beside it), atomically. */
    public static void save(Path manifest, Map<String, Tensor> tensors, Map<String, Object> config) throws IOException {
        Path folder = manifest.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        removeLeftovers(manifest);
        List<Entry> entries = new ArrayList<>();
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor t = e.getValue();
            long bytes = (long) t.numel() * t.dtype().bytes();
            entries.add(new Entry(e.getKey(), t.dtype().name(), t.shape(), offset, bytes));
            offset += bytes;
        }
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(offset)).order(ByteOrder.LITTLE_ENDIAN);
        for (Tensor t : tensors.values()) {
            for (double v : t.toDoubleArray()) {
                switch (t.dtype()) {
                    case F32 -> buffer.putFloat((float) v);
                    case F64 -> buffer.putDouble(v);
                    case I32 -> buffer.putInt((int) v);
                }
            }
        }
        byte[] data = buffer.array();
        String hash = sha256(data);
        String stem = manifest.getFileName().toString().replaceFirst("\\.json$", "");
        String dataName = stem + "." + hash.substring(0, 16) + ".bin";
        Path previousData = previousDataFile(manifest);
        AtomicFiles.write(folder.resolve(dataName), data);
        Manifest m = new Manifest(FORMAT, VERSION, config, dataName, hash, entries);
        AtomicFiles.write(manifest, JSON.writeValueAsBytes(m));
        if (previousData != null && !previousData.getFileName().toString().equals(dataName)) {
            Files.deleteIfExists(previousData);
        }
    }

    /** Reads and checks a checkpoint. */
    public static Contents load(Path manifest) throws IOException {
        Manifest m = readManifest(manifest);
        Path dataFile = manifest.toAbsolutePath().getParent().resolve(m.data());
        byte[] data;
        try {
            data = Files.readAllBytes(dataFile);
        } catch (NoSuchFileException e) {
            throw new IOException("checkpoint " + manifest + " is incomplete: its data file " + m.data() + " is missing");
        }
        if (!sha256(data).equals(m.sha256())) {
            throw new IOException("checkpoint " + manifest + " is corrupt: the SHA-256 of " + m.data()
                    + " differs from the manifest's (the file was changed or damaged)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Entry e : m.tensors()) {
            DType dtype;
            try {
                dtype = DType.valueOf(e.dtype());
            } catch (IllegalArgumentException ex) {
                throw new IOException("checkpoint " + manifest + ": tensor " + e.name() + " has unknown dtype " + e.dtype());
            }
            int count = Shape.numel(e.shape());
            if (e.bytes() != (long) count * dtype.bytes() || e.offset() < 0 || e.offset() + e.bytes() > data.length) {
                throw new IOException("checkpoint " + manifest + ": tensor " + e.name() + " " + Shape.str(e.shape())
                        + " does not fit the data file (truncated or inconsistent manifest)");
            }
            double[] values = new double[count];
            buffer.position((int) e.offset());
            for (int i = 0; i < count; i++) {
                values[i] = switch (dtype) {
                    case F32 -> buffer.getFloat();
                    case F64 -> buffer.getDouble();
                    case I32 -> buffer.getInt();
                };
            }
            tensors.put(e.name(), Tensor.of(values, dtype, Device.CPU, e.shape()));
        }
        return new Contents(tensors, m.config() == null ? Map.of() : m.config());
    }

    /** Saves a model's parameters and buffers, the optimizer's state (prefixed "optimizer."), and a config. */
    public static void save(Path manifest, Module model, Optimizer optimizer, Map<String, Object> config) throws IOException {
        save(manifest, model, optimizer == null ? Map.of() : Map.of("", optimizer), config);
    }

    /**
     * Saves a model with several optimizers (a GAN has one for each network), each optimizer's
     * state prefixed "optimizer.KEY.".
     */
    public static void save(Path manifest, Module model, Map<String, Optimizer> optimizers, Map<String, Object> config) throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        model.namedParameters().forEach((name, p) -> tensors.put(name, p.value()));
        tensors.putAll(model.namedBuffers());
        optimizers.forEach((key, optimizer) -> optimizer.stateDict().forEach((name, t) -> tensors.put(optimizerPrefix(key) + name, t)));
        save(manifest, tensors, config);
    }

    private static String optimizerPrefix(String key) {
        return key.isEmpty() ? "optimizer." : "optimizer." + key + ".";
    }

    /**
     * Loads a checkpoint into a model (and optimizer, when given), checking that every
     * parameter and buffer is present with the right shape and that nothing is left over.
     */
    public static Map<String, Object> loadInto(Path manifest, Module model, Optimizer optimizer) throws IOException {
        return loadInto(manifest, model, optimizer == null ? Map.of() : Map.of("", optimizer));
    }

    /** Loads a checkpoint saved with several optimizers; optimizers left out of the map are not restored. */
    public static Map<String, Object> loadInto(Path manifest, Module model, Map<String, Optimizer> optimizers) throws IOException {
        Contents contents = load(manifest);
        Map<String, Tensor> remaining = new LinkedHashMap<>(contents.tensors());
        for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
            Tensor saved = take(remaining, e.getKey(), e.getValue().value(), manifest);
            e.getValue().replace(saved.to(e.getValue().value().dtype()).to(e.getValue().value().device()));
        }
        for (Map.Entry<String, Tensor> e : model.namedBuffers().entrySet()) {
            Tensor saved = take(remaining, e.getKey(), e.getValue(), manifest);
            model.setBuffer(e.getKey(), saved.to(e.getValue().dtype()).to(e.getValue().device()));
        }
        Map<String, Tensor> optimizerState = new LinkedHashMap<>();
        remaining.entrySet().removeIf(e -> {
            if (e.getKey().startsWith("optimizer.")) {
                optimizerState.put(e.getKey(), e.getValue());
                return true;
            }
            return false;
        });
        if (!remaining.isEmpty()) {
            throw new IOException("checkpoint " + manifest + " does not match this model: it has tensors the model lacks, "
                    + remaining.keySet() + " (was it saved from another architecture?)");
        }
        for (Map.Entry<String, Optimizer> e : optimizers.entrySet()) {
            String prefix = optimizerPrefix(e.getKey());
            Map<String, Tensor> state = new LinkedHashMap<>();
            optimizerState.forEach((name, t) -> {
                if (name.startsWith(prefix)) {
                    state.put(name.substring(prefix.length()), t);
                }
            });
            if (!state.isEmpty()) {
                e.getValue().loadStateDict(state);
            }
        }
        return contents.config();
    }

    private static Tensor take(Map<String, Tensor> remaining, String name, Tensor expected, Path manifest) throws IOException {
        Tensor saved = remaining.remove(name);
        if (saved == null) {
            throw new IOException("checkpoint " + manifest + " does not match this model: tensor " + name
                    + " is missing (was it saved from another architecture?)");
        }
        if (!java.util.Arrays.equals(saved.shape(), expected.shape())) {
            throw new IOException("checkpoint " + manifest + " does not match this model: tensor " + name + " has shape "
                    + Shape.str(saved.shape()) + " in the file but " + Shape.str(expected.shape()) + " in the model");
        }
        return saved;
    }

    private static Manifest readManifest(Path manifest) throws IOException {
        if (Files.isDirectory(manifest)) {
            throw new IOException("checkpoint " + manifest + " is a folder; pass the checkpoint.json inside it");
        }
        Manifest m;
        try {
            m = JSON.readValue(Files.readAllBytes(manifest), Manifest.class);
        } catch (NoSuchFileException e) {
            throw new IOException("no checkpoint at " + manifest + " (the file does not exist)");
        } catch (JsonProcessingException e) {
            throw new IOException("checkpoint " + manifest + " is not a checkpoint manifest (not the JSON a run's checkpoint.json holds);"
                    + " pass the checkpoint.json of a run");
        }
        if (!FORMAT.equals(m.format()) || m.version() != VERSION || m.tensors() == null || m.data() == null || m.sha256() == null) {
            throw new IOException("checkpoint " + manifest + " is not a " + FORMAT + " version " + VERSION + " manifest");
        }
        return m;
    }

    /**
     * Removes what an interrupted save leaves beside {@code manifest}: the temporary files of a
     * write that never finished, and data files of this checkpoint that its manifest does not
     * name (written just before a kill, or left by one). Data is only removed where the manifest
     * can be read, so a damaged checkpoint keeps every file for inspection. Every save and every
     * resume call it.
     */
    public static void removeLeftovers(Path manifest) throws IOException {
        Path folder = manifest.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            return;
        }
        String stem = manifest.getFileName().toString().replaceFirst("\\.json$", "");
        Path current = previousDataFile(manifest);
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                boolean unfinished = name.startsWith("." + stem + ".") && name.endsWith(".tmp");
                boolean unnamed = current != null && name.startsWith(stem + ".") && name.endsWith(".bin") && !file.getFileName().equals(current.getFileName());
                if (unfinished || unnamed) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Deletes a checkpoint, if there is one: its data file (where its manifest can be read) and its manifest. */
    public static void delete(Path manifest) throws IOException {
        Path data = previousDataFile(manifest);
        if (data != null) {
            Files.deleteIfExists(data);
        }
        Files.deleteIfExists(manifest);
    }

    private static Path previousDataFile(Path manifest) {
        try {
            return Files.exists(manifest) ? manifest.toAbsolutePath().getParent().resolve(readManifest(manifest).data()) : null;
        } catch (IOException e) {
            return null; // an unreadable old manifest is simply replaced
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
