package dev.masquerade.cli;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** A Fashion-MNIST folder in miniature (gzipped IDX files of a few blank images) for tests that damage one file of it. */
final class FakeFashionMnist {
    private FakeFashionMnist() {
    }

    /** Writes the four files into {@code folder} with {@code label} as every label; returns the folder. */
    static Path write(Path folder, int label) throws IOException {
        Files.createDirectories(folder);
        for (String split : new String[] {"train", "t10k"}) {
            int n = split.equals("train") ? 16 : 8;
            byte[] labels = new byte[n];
            java.util.Arrays.fill(labels, (byte) label);
            gzip(idx(new int[] {n, 28, 28}, new byte[n * 28 * 28]), folder.resolve(split + "-images-idx3-ubyte.gz"));
            gzip(idx(new int[] {n}, labels), folder.resolve(split + "-labels-idx1-ubyte.gz"));
        }
        return folder;
    }

    /** Flips one bit of the CRC-32 in a gzip file's trailer: every value still decodes, only the check fails. */
    static void damageChecksum(Path gzipFile) throws IOException {
        byte[] bytes = Files.readAllBytes(gzipFile);
        bytes[bytes.length - 8] ^= 1;
        Files.write(gzipFile, bytes);
    }

    private static byte[] idx(int[] shape, byte[] values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x0800 | shape.length);
        for (int size : shape) {
            out.writeInt(size);
        }
        out.write(values);
        return bytes.toByteArray();
    }

    private static void gzip(byte[] data, Path file) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(data);
        }
    }
}
