package dev.masquerade.faces;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the weights of a TensorFlow.js model: a {@code *-weights_manifest.json} and the binary
 * shards it names. The manifest is a list of groups, each with its shard files ({@code paths},
 * read one after the other as one stream of bytes) and its weights in stream order
 * ({@code name}, {@code shape}, {@code dtype}). A weight may be quantised: stored as uint8 or
 * uint16 codes q with the real value q·scale + min, or as float16, to make the files 2 to 4
 * times smaller. Values are little-endian.
 *
 * <p>Tensors come back in TF.js's layouts; {@link #convFilter} and {@link #depthwiseFilter}
 * turn its filters into the engine's.
 */
public final class TfjsWeights {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TfjsWeights() {
    }

    /**
     * Every weight of the manifest as a float32 tensor (an int32 weight as int32), by name.
     *
     * @throws IOException naming the manifest and the fix for a missing shard, shards shorter or
     *                     longer than the weights need, or a dtype this reader does not know
     */
    public static Map<String, Tensor> read(Path manifest) throws IOException {
        return read(manifest, "fetch the model again");
    }

    /** As {@link #read(Path)}, each error ending with {@code refetch}: how to fetch the model again. */
    public static Map<String, Tensor> read(Path manifest, String refetch) throws IOException {
        JsonNode groups;
        try {
            groups = JSON.readTree(manifest.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(manifest + " is not a valid weights manifest (broken JSON at line " + e.getLocation().getLineNr()
                    + "); " + refetch, e);
        }
        if (groups == null || !groups.isArray()) {
            throw new IOException(manifest + " is not a weights manifest (a JSON list of groups); " + refetch);
        }
        Map<String, Tensor> weights = new LinkedHashMap<>();
        for (JsonNode group : groups) {
            ByteBuffer bytes = ByteBuffer.wrap(shards(manifest, group.get("paths"), refetch)).order(ByteOrder.LITTLE_ENDIAN);
            for (JsonNode weight : group.get("weights")) {
                weights.put(weight.get("name").asText(), tensor(manifest, weight, bytes, refetch));
            }
            if (bytes.hasRemaining()) {
                throw new IOException(manifest + ": its shards hold " + bytes.remaining() + " bytes more than its weights need; "
                        + "the manifest and the shards come from different versions; " + refetch);
            }
        }
        return weights;
    }

    private static byte[] shards(Path manifest, JsonNode paths, String refetch) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (JsonNode path : paths) {
            Path shard = manifest.resolveSibling(path.asText());
            if (!Files.isRegularFile(shard)) {
                throw new IOException(manifest + " names the shard " + path.asText() + ", which is not beside it; " + refetch);
            }
            all.write(Files.readAllBytes(shard));
        }
        return all.toByteArray();
    }

    private static Tensor tensor(Path manifest, JsonNode weight, ByteBuffer bytes, String refetch) throws IOException {
        String name = weight.get("name").asText();
        int[] shape = new int[weight.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = weight.get("shape").get(i).asInt();
        }
        int count = 1;
        for (int size : shape) {
            count *= size;
        }
        String dtype = weight.get("dtype").asText();
        JsonNode quantization = weight.get("quantization");
        String stored = quantization == null ? dtype : quantization.get("dtype").asText();
        int width = switch (stored) {
            case "float32", "int32" -> 4;
            case "uint16", "float16" -> 2;
            case "uint8" -> 1;
            default -> throw new IOException(manifest + ": weight " + name + " is stored as " + stored
                    + "; this reader knows float32 and int32, and uint8, uint16 or float16 quantisation");
        };
        if (!dtype.equals("float32") && !(dtype.equals("int32") && quantization == null)) {
            throw new IOException(manifest + ": weight " + name + " has dtype " + dtype + "; this reader knows float32 and int32 weights");
        }
        if (bytes.remaining() < count * width) {
            throw new IOException(manifest + ": its shards end inside weight " + name + " (" + bytes.remaining() + " bytes left, "
                    + count * width + " needed): a shard is truncated; " + refetch);
        }
        double[] values = new double[count];
        double scale = quantization == null || !quantization.has("scale") ? 1 : quantization.get("scale").asDouble();
        double min = quantization == null || !quantization.has("min") ? 0 : quantization.get("min").asDouble();
        for (int i = 0; i < count; i++) {
            values[i] = switch (stored) {
                case "float32" -> bytes.getFloat();
                case "int32" -> bytes.getInt();
                case "float16" -> halfToFloat(bytes.getShort());
                case "uint16" -> (bytes.getShort() & 0xFFFF) * scale + min;
                default -> (bytes.get() & 0xFF) * scale + min;
            };
        }
        return Tensor.of(values, dtype.equals("int32") ? DType.I32 : DType.F32, shape);
    }

    /**
     * IEEE half precision (1 sign bit, 5 exponent bits biased by 15, 10 fraction bits) as a
     * float: subnormals are fraction·2⁻²⁴, exponent 31 is infinity or NaN.
     */
    static float halfToFloat(short half) {
        int sign = (half >> 15) & 1, exponent = (half >> 10) & 0x1F, fraction = half & 0x3FF;
        float magnitude = exponent == 0 ? fraction * 0x1p-24f
                : exponent == 31 ? (fraction == 0 ? Float.POSITIVE_INFINITY : Float.NaN)
                : (1 + fraction / 1024f) * (float) Math.pow(2, exponent - 15);
        return sign == 1 ? -magnitude : magnitude;
    }

    // snippet: layouts
    /** A TF.js convolution filter [kH, kW, in, out] as the engine's weight [out, in, kH, kW]. */
    public static Tensor convFilter(Tensor hwio) {
        requireRank4("a convolution filter [kH, kW, in, out]", hwio);
        return hwio.permute(3, 2, 0, 1).contiguous();
    }

    /**
     * A TF.js depthwise filter [kH, kW, C, m] (m filters per channel; output channel c·m + j is
     * channel c's filter j) as the engine's grouped weight [C·m, 1, kH, kW] for conv2d with
     * groups = C.
     */
    public static Tensor depthwiseFilter(Tensor hwcm) {
        requireRank4("a depthwise filter [kH, kW, C, m]", hwcm);
        int kh = hwcm.size(0), kw = hwcm.size(1), channels = hwcm.size(2), multiplier = hwcm.size(3);
        return hwcm.permute(2, 3, 0, 1).reshape(channels * multiplier, 1, kh, kw);
    }
    // end snippet

    private static void requireRank4(String what, Tensor t) {
        if (t.rank() != 4) {
            throw new IllegalArgumentException("expected " + what + ", got shape " + java.util.Arrays.toString(t.shape()));
        }
    }
}
