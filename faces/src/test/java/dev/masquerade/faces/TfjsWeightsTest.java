package dev.masquerade.faces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading TF.js weights from manifests written here byte by byte: plain and quantised values,
 * weights split across shards, the filter layouts, and one clear error for each broken model.
 */
class TfjsWeightsTest {
    @TempDir
    Path folder;

    private static byte[] littleEndian(int bytes, java.util.function.Consumer<ByteBuffer> fill) {
        ByteBuffer buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        fill.accept(buffer);
        return buffer.array();
    }

    private Path model(String manifest, byte[]... shards) throws IOException {
        for (int i = 0; i < shards.length; i++) {
            Files.write(folder.resolve("model.bin" + (i == 0 ? "" : "." + i)), shards[i]);
        }
        return Files.writeString(folder.resolve("model-weights_manifest.json"), manifest);
    }

    @Test
    void plainAndQuantisedWeightsAcrossTwoShards() throws IOException {
        // a: float32 [2] = 1.5, -2; b: uint8 [3], codes 0, 10, 255 with scale 0.5 and min -1; c: float16 [1] = 0.333
        byte[] first = littleEndian(10, b -> b.putFloat(1.5f).putFloat(-2f).put((byte) 0).put((byte) 10));
        byte[] second = littleEndian(3, b -> b.put((byte) 255).putShort((short) 0x3555));
        Path manifest = model("""
                [{"paths": ["model.bin", "model.bin.1"], "weights": [
                  {"name": "a", "shape": [2], "dtype": "float32"},
                  {"name": "b", "shape": [3, 1], "dtype": "float32", "quantization": {"dtype": "uint8", "scale": 0.5, "min": -1}},
                  {"name": "c", "shape": [1], "dtype": "float32", "quantization": {"dtype": "float16"}}]}]
                """, first, second);
        Map<String, Tensor> weights = TfjsWeights.read(manifest);
        assertArrayEquals(new double[] {1.5, -2}, weights.get("a").toDoubleArray());
        assertArrayEquals(new int[] {3, 1}, weights.get("b").shape());
        assertArrayEquals(new double[] {-1, 4, 126.5}, weights.get("b").toDoubleArray(), "q·scale + min, the middle code split across shards");
        assertEquals(0.33325195, weights.get("c").item(), 1e-7, "0x3555 in half precision");
    }

    @Test
    void halfPrecisionCoversSubnormalsAndInfinity() {
        assertEquals(1f, TfjsWeights.halfToFloat((short) 0x3C00));
        assertEquals(-2f, TfjsWeights.halfToFloat((short) 0xC000));
        assertEquals(0x1p-24f, TfjsWeights.halfToFloat((short) 0x0001), "the smallest subnormal");
        assertEquals(65504f, TfjsWeights.halfToFloat((short) 0x7BFF), "the largest finite half");
        assertEquals(Float.POSITIVE_INFINITY, TfjsWeights.halfToFloat((short) 0x7C00));
    }

    @Test
    void filtersComeInTheEnginesLayouts() {
        Tensor hwio = Tensor.randn(new Rng(1), DType.F64, Device.CPU, 3, 3, 2, 4);
        Tensor x = Tensor.randn(new Rng(2), DType.F64, Device.CPU, 1, 2, 5, 5);
        Tensor oihw = TfjsWeights.convFilter(hwio);
        assertArrayEquals(new int[] {4, 2, 3, 3}, oihw.shape());
        // output channel 3 at pixel (2, 2), unpadded: the sum over taps and inputs of x times the TF.js filter
        double expected = 0;
        for (int ky = 0; ky < 3; ky++) {
            for (int kx = 0; kx < 3; kx++) {
                for (int c = 0; c < 2; c++) {
                    expected += x.narrow(1, c, 1).narrow(2, 2 + ky - 1, 1).narrow(3, 2 + kx - 1, 1).item()
                            * hwio.narrow(0, ky, 1).narrow(1, kx, 1).narrow(2, c, 1).narrow(3, 3, 1).item();
                }
            }
        }
        assertEquals(expected, x.conv2d(oihw, null, 1, 0, 1).narrow(1, 3, 1).narrow(2, 1, 1).narrow(3, 1, 1).item(), 1e-12);

        Tensor depthwise = TfjsWeights.depthwiseFilter(Tensor.randn(new Rng(3), DType.F64, Device.CPU, 3, 3, 2, 2));
        assertArrayEquals(new int[] {4, 1, 3, 3}, depthwise.shape(), "channel c's filter j is output channel 2c + j");
        assertArrayEquals(new int[] {1, 4, 3, 3}, x.conv2d(depthwise, null, 1, 0, 1, 2).shape());
    }

    @Test
    void aMissingShardIsNamed() throws IOException {
        Path manifest = model("""
                [{"paths": ["model.bin", "model.bin.1"], "weights": [{"name": "a", "shape": [1], "dtype": "float32"}]}]""",
                littleEndian(4, b -> b.putFloat(1)));
        IOException e = assertThrows(IOException.class, () -> TfjsWeights.read(manifest));
        assertTrue(e.getMessage().endsWith("names the shard model.bin.1, which is not beside it; fetch the model again"), e.getMessage());
    }

    @Test
    void aTruncatedShardIsNamed() throws IOException {
        Path manifest = model("""
                [{"paths": ["model.bin"], "weights": [{"name": "conv0/filters", "shape": [2, 2], "dtype": "float32"}]}]""",
                littleEndian(12, b -> b.putFloat(1).putFloat(2).putFloat(3)));
        IOException e = assertThrows(IOException.class, () -> TfjsWeights.read(manifest));
        assertTrue(e.getMessage().contains("its shards end inside weight conv0/filters (12 bytes left, 16 needed)"), e.getMessage());
    }

    @Test
    void anUnknownStorageTypeIsNamed() throws IOException {
        Path manifest = model("""
                [{"paths": ["model.bin"], "weights": [{"name": "w", "shape": [1], "dtype": "float32", "quantization": {"dtype": "int4"}}]}]""",
                new byte[1]);
        IOException e = assertThrows(IOException.class, () -> TfjsWeights.read(manifest));
        assertTrue(e.getMessage().contains("weight w is stored as int4; this reader knows float32 and int32"), e.getMessage());
    }

    @Test
    void aBrokenManifestIsOneLineWithTheFix() throws IOException {
        Path manifest = model("[{\"paths\": [\"model.bin\"],", new byte[0]);
        IOException e = assertThrows(IOException.class, () -> TfjsWeights.read(manifest, "fetch it again with the script"));
        assertTrue(e.getMessage().equals(manifest + " is not a valid weights manifest (broken JSON at line 1); fetch it again with the script"),
                e.getMessage());
        Path notAList = model("{\"weights\": []}", new byte[0]);
        e = assertThrows(IOException.class, () -> TfjsWeights.read(notAList));
        assertTrue(e.getMessage().endsWith("is not a weights manifest (a JSON list of groups); fetch the model again"), e.getMessage());
    }
}
