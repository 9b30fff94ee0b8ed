package dev.masquerade.nn.data;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy's {@code .npy} files: the magic string, a version, a Python-literal header
 * ({@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3)}}) and the raw values. Supports
 * unsigned bytes ({@code |u1}) and little-endian float32 and float64 ({@code <f4}, {@code <f8}) in
 * C order, the types image and feature arrays come in; anything else is refused with the header
 * in the message. Values are read into float32.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** The array as a float32 tensor on the CPU (bytes become 0..255, not rescaled). */
    public static Tensor read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a folder; pass the .npy file itself");
        }
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[MAGIC.length];
        if (in.remaining() >= 10) {
            in.get(magic);
        }
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException(file + " is not a .npy file (no \\x93NUMPY magic)");
        }
        int major = in.get();
        in.get();
        int headerLength = major == 1 ? Short.toUnsignedInt(in.getShort()) : in.getInt();
        if (headerLength > in.remaining()) {
            throw new IOException(file + " is truncated: its header is cut off");
        }
        byte[] headerBytes = new byte[headerLength];
        in.get(headerBytes);
        String header = new String(headerBytes, StandardCharsets.ISO_8859_1);
        String descr = find(DESCR, header, file);
        if (find(FORTRAN, header, file).equals("True")) {
            throw new IOException(file + " is in Fortran order; save it with np.ascontiguousarray (header " + header.trim() + ")");
        }
        int[] shape;
        try {
            shape = Arrays.stream(find(SHAPE, header, file).split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new IOException(file + " has an unreadable shape in its .npy header: " + header.trim());
        }
        if (Arrays.stream(shape).anyMatch(size -> size < 0)) {
            throw new IOException(file + " has a negative size in its .npy header: " + header.trim());
        }
        int count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (count == 0) {
            throw new IOException(file + " holds no values (shape " + Arrays.toString(shape) + ")");
        }
        int width = switch (descr) {
            case "|u1", "<u1" -> 1;
            case "<f4" -> 4;
            case "<f8" -> 8;
            default -> throw new IOException(file + ": dtype " + descr + " is not supported (use uint8 or little-endian float32 or float64)");
        };
        if ((long) count * width > in.remaining()) {
            throw new IOException(file + " is truncated: shape " + Arrays.toString(shape) + " needs " + (long) count * width
                    + " bytes of data, it has " + in.remaining());
        }
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = switch (width) {
                case 1 -> Byte.toUnsignedInt(in.get());
                case 4 -> in.getFloat();
                default -> in.getDouble();
            };
        }
        return Tensor.of(values, DType.F32, Device.CPU, shape.length == 0 ? new int[0] : shape);
    }

    /** Writes {@code tensor} as a little-endian float32 .npy (version 1.0, C order), atomically, for NumPy or another tool to read. */
    public static void write(Tensor tensor, Path file) throws IOException {
        StringBuilder shape = new StringBuilder("(");
        for (int size : tensor.shape()) {
            shape.append(size).append(", ");
        }
        shape.append(")");
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
        // magic (6) + version (2) + length (2) + header, padded with spaces to a multiple of 64 and ended by a newline
        int padded = (10 + dict.length() + 1 + 63) / 64 * 64;
        String header = dict + " ".repeat(padded - 10 - dict.length() - 1) + "\n";
        float[] values = tensor.toFloatArray();
        ByteBuffer out = ByteBuffer.allocate(padded + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length()).put(header.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (float v : values) {
            out.putFloat(v);
        }
        dev.masquerade.nn.io.AtomicFiles.write(file, out.array());
    }

    private static String find(Pattern pattern, String header, Path file) throws IOException {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new IOException(file + " has an unreadable .npy header: " + header.trim());
        }
        return m.group(1);
    }
}
