package dev.masquerade.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.nn.Module;
import dev.masquerade.nn.Parameter;
import dev.masquerade.nn.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors layout, which PyTorch users load with {@code safetensors.torch.load_file}:
 * an 8-byte little-endian header length, a JSON header naming each tensor's dtype, shape and
 * byte range ({@code data_offsets}, from the end of the header), then the raw little-endian
 * values. Unlike a pickle it runs no code when read, which is why model hubs prefer it.
 * Tensor names are the model's parameter and buffer paths, the {@code state_dict} names of the
 * PyTorch twins. Tutorial: tutorials/31-export.md.
 */
public final class Safetensors {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A header larger than this is not a safetensors file of ours (the reference reader's limit). */
    private static final long LARGEST_HEADER = 100L << 20;

    private Safetensors() {
    }

    /** The model's parameters and buffers, by path, in registration order. */
    public static Map<String, Tensor> stateOf(Module model) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        model.namedParameters().forEach((name, p) -> tensors.put(name, p.value()));
        tensors.putAll(model.namedBuffers());
        return tensors;
    }

    /**
     * Writes a model's weights as the command line does: its parameters and buffers, with
     * metadata naming the framework the names follow ("pt") and the model.
     */
    public static void write(Path file, ExportableModel model) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "pt");
        metadata.put("masquerade_model", model.kind());
        write(file, stateOf(model.weights()), metadata);
    }

    /** Writes tensors (F32, F64 or I32) and string metadata to {@code file}, atomically. */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        byte[] header = header(tensors, metadata);
        long values = 0;
        for (Tensor t : tensors.values()) {
            values += (long) t.numel() * t.dtype().bytes();
        }
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8 + header.length + values)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(header.length).put(header);
        for (Tensor t : tensors.values()) {
            for (double v : t.toDoubleArray()) {
                switch (t.dtype()) {
                    case F32 -> out.putFloat((float) v);
                    case F64 -> out.putDouble(v);
                    case I32 -> out.putInt((int) v);
                }
            }
        }
        AtomicFiles.write(file, out.array());
    }

    /**
     * The JSON header: "__metadata__" (when there is any), then each tensor's dtype, shape and
     * data_offsets, the byte range [begin, end) of its values counted from the end of the header,
     * tensors one after the other in order; padded with spaces to a multiple of 8 bytes.
     */
    static byte[] header(Map<String, Tensor> tensors, Map<String, String> metadata) throws JsonProcessingException {
        // BEGIN SOLUTION task-12.3: the header as the Javadoc says, built as a Jackson ObjectNode (JSON.createObjectNode(), putObject, putArray) and written with JSON.writeValueAsBytes, then padded with spaces to a multiple of 8 bytes so the values start aligned (see tutorials/31-export.md)
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            header.set("__metadata__", JSON.valueToTree(metadata));
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor t = e.getValue();
            long bytes = (long) t.numel() * t.dtype().bytes();
            ObjectNode entry = header.putObject(e.getKey());
            entry.put("dtype", t.dtype().name());
            entry.set("shape", JSON.valueToTree(t.shape()));
            entry.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        byte[] padded = java.util.Arrays.copyOf(json, (json.length + 7) / 8 * 8);
        java.util.Arrays.fill(padded, json.length, padded.length, (byte) ' ');
        return padded;
        // END SOLUTION
    }

    /** Reads every tensor of a safetensors file, checking the header against the data. */
    public static Map<String, Tensor> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = bytes.length >= 8 ? in.getLong() : -1;
        if (headerLength < 2 || headerLength > LARGEST_HEADER || 8 + headerLength > bytes.length) {
            throw new IOException(file + " is not a safetensors file (its first 8 bytes do not give a header length that fits the file)");
        }
        JsonNode header;
        try {
            header = JSON.readTree(new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not a safetensors file (its header is not JSON: " + e.getOriginalMessage() + ")");
        }
        long dataStart = 8 + headerLength;
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("__metadata__")) {
                tensors.put(e.getKey(), tensor(file, e.getKey(), e.getValue(), in, dataStart));
            }
        }
        return tensors;
    }

    private static Tensor tensor(Path file, String name, JsonNode entry, ByteBuffer in, long dataStart) throws IOException {
        String dtypeName = entry.path("dtype").asText();
        DType dtype;
        try {
            dtype = DType.valueOf(dtypeName);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": tensor " + name + " is " + dtypeName + ", which the engine does not hold; "
                    + "save it as F32 (in PyTorch: {k: v.float() for k, v in state_dict.items()})");
        }
        int[] shape = new int[entry.path("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = entry.path("shape").get(i).asInt();
        }
        long begin = entry.path("data_offsets").path(0).asLong(-1);
        long end = entry.path("data_offsets").path(1).asLong(-1);
        long count = Shape.numel(shape);
        if (begin < 0 || end - begin != count * dtype.bytes() || dataStart + end > in.capacity()) {
            throw new IOException(file + ": tensor " + name + " " + Shape.str(shape) + " " + dtype + " does not fit its byte range ["
                    + begin + ", " + end + ") in the file (truncated or inconsistent header)");
        }
        double[] values = new double[(int) count];
        in.position((int) (dataStart + begin));
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (dtype) {
                case F32 -> in.getFloat();
                case F64 -> in.getDouble();
                case I32 -> in.getInt();
            };
        }
        return Tensor.of(values, dtype, Device.CPU, shape);
    }

    /**
     * Loads a safetensors file into a model: every parameter and buffer must be there with its
     * shape (converted to the model's dtype). Tensors the model does not have (a PyTorch batch
     * norm's {@code num_batches_tracked}, say) are returned, not loaded.
     *
     * @return the names of the tensors in the file that the model does not have
     */
    public static List<String> loadInto(Path file, Module model) throws IOException {
        Map<String, Tensor> remaining = new LinkedHashMap<>(read(file));
        for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
            Tensor value = take(file, remaining, e.getKey(), e.getValue().value());
            e.getValue().replace(value);
        }
        for (Map.Entry<String, Tensor> e : model.namedBuffers().entrySet()) {
            model.setBuffer(e.getKey(), take(file, remaining, e.getKey(), e.getValue()));
        }
        return new ArrayList<>(remaining.keySet());
    }

    private static Tensor take(Path file, Map<String, Tensor> remaining, String name, Tensor like) throws IOException {
        Tensor t = remaining.remove(name);
        if (t == null) {
            throw new IOException(file + " has no tensor " + name + ", which this model needs (was it saved from another model?)");
        }
        if (!java.util.Arrays.equals(t.shape(), like.shape())) {
            throw new IOException(file + ": tensor " + name + " is " + Shape.str(t.shape()) + " but this model's is " + Shape.str(like.shape())
                    + " (was it saved from another model, or another width?)");
        }
        return t.to(like.dtype()).to(like.device());
    }
}
