package dev.masquerade.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NumPy files and image augmentations. */
class NpyAndTransformsTest {
    @TempDir
    Path folder;

    /** A version-1.0 .npy file as NumPy writes it: header padded with spaces to a multiple of 64 bytes. */
    private static byte[] npy(String descr, boolean fortran, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': (" + shape + "), }";
        int total = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.writeBytes(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) header.length()).array());
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        return out.toByteArray();
    }

    @Test
    void readsUint8Float32AndFloat64Arrays() throws IOException {
        Files.write(folder.resolve("bytes.npy"), npy("|u1", false, "2, 3", new byte[] {0, 1, 2, (byte) 253, (byte) 254, (byte) 255}));
        Tensor bytes = Npy.read(folder.resolve("bytes.npy"));
        assertArrayEquals(new int[] {2, 3}, bytes.shape());
        assertArrayEquals(new float[] {0, 1, 2, 253, 254, 255}, bytes.toFloatArray());
        ByteBuffer floats = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f).putFloat(0.25f);
        Files.write(folder.resolve("floats.npy"), npy("<f4", false, "3,", floats.array()));
        assertArrayEquals(new float[] {1.5f, -2f, 0.25f}, Npy.read(folder.resolve("floats.npy")).toFloatArray());
        ByteBuffer doubles = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.125).putDouble(-3);
        Files.write(folder.resolve("doubles.npy"), npy("<f8", false, "2,", doubles.array()));
        assertArrayEquals(new float[] {0.125f, -3f}, Npy.read(folder.resolve("doubles.npy")).toFloatArray());
    }

    @Test
    void whatIsWrittenReadsBackWithAHeaderAlignedTo64Bytes() throws IOException {
        dev.masquerade.engine.Tensor t = dev.masquerade.engine.Tensor.rand(new dev.masquerade.engine.Rng(3), 2, 1, 3, 4);
        Npy.write(t, folder.resolve("t.npy"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(t.shape(), Npy.read(folder.resolve("t.npy")).shape());
        org.junit.jupiter.api.Assertions.assertArrayEquals(t.toFloatArray(), Npy.read(folder.resolve("t.npy")).toFloatArray(), 0f);
        assertEquals(0, (Files.size(folder.resolve("t.npy")) - 4L * 24) % 64, "header padded as NumPy pads it");
    }

    @Test
    void unsupportedOrBrokenFilesAreExplained() throws IOException {
        Files.write(folder.resolve("i64.npy"), npy("<i8", false, "1,", new byte[8]));
        assertTrue(assertThrows(IOException.class, () -> Npy.read(folder.resolve("i64.npy"))).getMessage().contains("<i8 is not supported"));
        Files.write(folder.resolve("fortran.npy"), npy("<f4", true, "1,", new byte[4]));
        assertTrue(assertThrows(IOException.class, () -> Npy.read(folder.resolve("fortran.npy"))).getMessage().contains("Fortran order"));
        Files.write(folder.resolve("short.npy"), npy("<f4", false, "10,", new byte[8]));
        assertTrue(assertThrows(IOException.class, () -> Npy.read(folder.resolve("short.npy"))).getMessage().contains("truncated"));
        Files.writeString(folder.resolve("text.npy"), "hello world");
        assertTrue(assertThrows(IOException.class, () -> Npy.read(folder.resolve("text.npy"))).getMessage().contains("not a .npy file"));
        Files.write(folder.resolve("words.npy"), npy("<f4", false, "abc,", new byte[4]));
        String words = assertThrows(IOException.class, () -> Npy.read(folder.resolve("words.npy"))).getMessage();
        assertTrue(words.contains("words.npy has an unreadable shape") && words.contains("abc"), words);
        Files.write(folder.resolve("negative.npy"), npy("<f4", false, "-2,", new byte[4]));
        assertTrue(assertThrows(IOException.class, () -> Npy.read(folder.resolve("negative.npy"))).getMessage().contains("negative size"));
        Files.write(folder.resolve("empty.npy"), npy("<f4", false, "0, 25, 25", new byte[0]));
        String empty = assertThrows(IOException.class, () -> Npy.read(folder.resolve("empty.npy"))).getMessage();
        assertTrue(empty.contains("empty.npy holds no values (shape [0, 25, 25])"), empty);
        assertTrue(assertThrows(IOException.class, () -> Npy.read(folder)).getMessage().contains("is a folder; pass the .npy file itself"));
    }

    @Test
    void theLfwSubsetIsRefusedInAnyOtherShapeOrRangeInsteadOfCutIntoNoise() throws IOException {
        Files.write(folder.resolve("flat.npy"), npy("<f4", false, "62500,", new byte[62500 * 4]));
        String flat = assertThrows(IOException.class, () -> LfwSubset.load(folder.resolve("flat.npy"), 100)).getMessage();
        assertTrue(flat.contains("shape [62500]") && flat.contains("[N, 25, 25]"), flat);
        byte[] bytes = new byte[100 * 25 * 25];
        bytes[7] = (byte) 200;
        Files.write(folder.resolve("bytes.npy"), npy("|u1", false, "100, 25, 25", bytes));
        String range = assertThrows(IOException.class, () -> LfwSubset.load(folder.resolve("bytes.npy"), 100)).getMessage();
        assertTrue(range.contains("values from 0.0 to 200.0") && range.contains("divided by 255"), range);
        ByteBuffer withNaN = ByteBuffer.allocate(100 * 25 * 25 * 4).order(ByteOrder.LITTLE_ENDIAN).putFloat(8, Float.NaN);
        Files.write(folder.resolve("nan.npy"), npy("<f4", false, "100, 25, 25", withNaN.array()));
        String nan = assertThrows(IOException.class, () -> LfwSubset.load(folder.resolve("nan.npy"), 100)).getMessage();
        assertTrue(nan.contains("nan.npy holds NaN values"), nan);
        ByteBuffer grey = ByteBuffer.allocate(100 * 25 * 25 * 4).order(ByteOrder.LITTLE_ENDIAN);
        while (grey.hasRemaining()) {
            grey.putFloat(0.5f);
        }
        Files.write(folder.resolve("lfw.npy"), npy("<f4", false, "100, 25, 25", grey.array()));
        assertEquals(100, LfwSubset.load(folder.resolve("lfw.npy"), 100).size());
    }

    @Test
    void normalizeCentresEachChannel() {
        Tensor batch = Tensor.of(new float[] {1, 3, 10, 30}, 1, 2, 1, 2);
        Tensor n = Transforms.normalize(batch, new double[] {2, 20}, new double[] {1, 10});
        assertArrayEquals(new float[] {-1, 1, -1, 1}, n.toFloatArray(), 1e-6f);
    }

    @Test
    void flippingMirrorsAndFlippingTwiceRestores() {
        Tensor batch = Tensor.rand(new Rng(3), 4, 3, 5, 6);
        Tensor once = Transforms.randomHorizontalFlip(batch, 1, new Rng(4));
        assertEquals(batch.toFloatArray()[5], once.toFloatArray()[0]);
        assertArrayEquals(batch.toFloatArray(), Transforms.randomHorizontalFlip(once, 1, new Rng(5)).toFloatArray());
        assertArrayEquals(batch.toFloatArray(), Transforms.randomHorizontalFlip(batch, 0, new Rng(6)).toFloatArray());
    }

    @Test
    void theIdentityAffineChangesNothingAndARandomOneDoes() {
        Tensor batch = Tensor.rand(new Rng(7), 2, 3, 8, 8);
        assertArrayEquals(batch.toFloatArray(), Transforms.randomAffine(batch, 0, 1, 1, 0, new Rng(8)).toFloatArray(), 1e-5f);
        Tensor moved = Transforms.randomAffine(batch, 10, 0.95, 1.05, 0.05, new Rng(9));
        assertNotEquals(0, moved.sub(batch).abs().sum().item(), 1e-3);
        assertArrayEquals(moved.toFloatArray(), Transforms.randomAffine(batch, 10, 0.95, 1.05, 0.05, new Rng(9)).toFloatArray(), "seeded");
    }
}
