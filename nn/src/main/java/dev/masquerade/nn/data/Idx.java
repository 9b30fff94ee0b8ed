package dev.masquerade.nn.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST: a big-endian header (two zero bytes, a type
 * code, the number of dimensions, then each size as a 32-bit integer) followed by the values.
 * Only unsigned bytes (type 0x08), the type of both data sets, are supported. Files may be
 * gzipped; the gzip magic number decides.
 */
public final class Idx {
    private static final int UNSIGNED_BYTE = 0x08;

    /** The sizes of each axis and the values as unsigned bytes (0..255). */
    public record Array(int[] shape, byte[] data) {
        /** Value i as 0..255. */
        public int unsigned(int i) {
            return data[i] & 0xFF;
        }
    }

    private Idx() {
    }

    /**
     * Reads a file.
     *
     * @throws IOException naming the file and what is wrong with it
     */
    public static Array read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            boolean gzipped = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(gzipped ? new GZIPInputStream(raw) : raw, 1 << 16))) {
                return read(in, file);
            }
        } catch (ZipException e) {
            throw new IOException(file + " is a damaged gzip file (" + e.getMessage() + "); download it again, or reinstall the "
                    + "package it came from (apt-get install --reinstall dataset-fashion-mnist)", e);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "IDX file not found");
        }
    }

    private static Array read(DataInputStream in, Path file) throws IOException {
        try {
            int magic = in.readInt();
            int type = (magic >>> 8) & 0xFF;
            int rank = magic & 0xFF;
            if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || rank < 1 || rank > 4) {
                throw new IOException(file + " is not an IDX file of unsigned bytes (header 0x" + Integer.toHexString(magic) + ")");
            }
            int[] shape = new int[rank];
            long count = 1;
            for (int i = 0; i < rank; i++) {
                shape[i] = in.readInt();
                count *= shape[i];
            }
            if (count > Integer.MAX_VALUE || count < 0) {
                throw new IOException(file + ": shape " + Arrays.toString(shape) + " is too large");
            }
            byte[] data = new byte[(int) count];
            in.readFully(data);
            // reading to the end also makes a gzip stream check its CRC: a damaged file cannot pass for a short one
            if (in.read() != -1) {
                throw new IOException(file + " holds more bytes than its header announces (shape " + Arrays.toString(shape)
                        + "): it is damaged; download it again, or reinstall the package it came from");
            }
            return new Array(shape, data);
        } catch (EOFException e) {
            throw new IOException(file + " is truncated: it ends before the " + "values its header announces", e);
        }
    }
}
