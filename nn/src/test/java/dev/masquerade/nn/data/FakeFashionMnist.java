package dev.masquerade.nn.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** A Fashion-MNIST folder in miniature (gzipped IDX files of a few blank images) for tests that damage one file of it. */
public final class FakeFashionMnist {
    private FakeFashionMnist() {
    }

    /** Writes the four files into {@code folder} with {@code label} as every label; returns the folder. */
    public static Path write(Path folder, int label) throws IOException {
        Files.createDirectories(folder);
        for (String split : new String[] {"train", "t10k"}) {
            int n = split.equals("train") ? 16 : 8;
            byte[] labels = new byte[n];
            java.util.Arrays.fill(labels, (byte) label);
            Files.write(folder.resolve(split + "-images-idx3-ubyte.gz"), gzipped(idx(new int[] {n, 28, 28}, new byte[n * 28 * 28])));
            Files.write(folder.resolve(split + "-labels-idx1-ubyte.gz"), gzipped(idx(new int[] {n}, labels)));
        }
        return folder;
    }

    /** Flips one bit of the CRC-32 in a gzip file's trailer: every value still decodes, only the check fails. */
    public static void damageChecksum(Path gzipFile) throws IOException {
        byte[] bytes = Files.readAllBytes(gzipFile);
        bytes[bytes.length - 8] ^= 1;
        Files.write(gzipFile, bytes);
    }

    /** The bytes of an IDX file of unsigned bytes: its header (type, rank, sizes) and the values. */
    public static byte[] idx(int[] shape, byte[] values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x0800 | shape.length);
        for (int size : shape) {
            out.writeInt(size);
        }
        out.write(values);
        return bytes.toByteArray();
    }

    /** {@code data} compressed as a gzip file is. */
    public static byte[] gzipped(byte[] data) throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(packed)) {
            out.write(data);
        }
        return packed.toByteArray();
    }
}
