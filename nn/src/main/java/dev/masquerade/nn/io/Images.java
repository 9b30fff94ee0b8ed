package dev.masquerade.nn.io;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.array.Shape;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Pictures in and out: tensors [C, H, W] with values in [0, 1] (C = 1 for grey, 3 for RGB)
 * to PNG files and back, and grids of many images for looking at a batch at a glance.
 */
public final class Images {
    /** ITU-R BT.601's weights of red, green and blue in grey (JPEG's luma). */
    private static final double RED = 0.299, GREEN = 0.587, BLUE = 0.114;

    private Images() {
    }

    /** Writes an image [C, H, W] (C = 1 or 3, values clamped to [0, 1]) as a PNG. */
    public static void writePng(Tensor image, Path file) throws IOException {
        writeAtomically(toImage(image), file);
    }

    /** An image [C, H, W] (C = 1 or 3, values clamped to [0, 1]) as an 8-bit picture, grey or RGB. */
    public static BufferedImage toImage(Tensor image) {
        checkImage("toImage", image);
        int c = image.size(0), h = image.size(1), w = image.size(2);
        float[] v = image.toFloatArray();
        // samples go straight into the raster: setRGB would pass grey through a colour-space conversion
        BufferedImage out = new BufferedImage(w, h, c == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        var raster = out.getRaster();
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    raster.setSample(x, y, ch, toByte(v[(ch * h + y) * w + x]));
                }
            }
        }
        return out;
    }

    /** Writes {@code image} as a PNG to {@code file}, atomically ({@link AtomicFiles}): a crash never leaves half a picture. */
    static void writeAtomically(BufferedImage image, Path file) throws IOException {
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }

    /**
     * Lays out a batch [N, C, H, W] as a grid with {@code columns} images per row and
     * {@code padding} pixels of white between them, as one image [C, rows·(H+p)+p, ...].
     */
    public static Tensor grid(Tensor batch, int columns, int padding) {
        if (batch.rank() != 4 || (batch.size(1) != 1 && batch.size(1) != 3) || columns < 1 || padding < 0) {
            throw new IllegalArgumentException("grid: needs a batch [N, 1 or 3, H, W], columns >= 1 and padding >= 0, got "
                    + Shape.str(batch.shape()));
        }
        int n = batch.size(0), c = batch.size(1), h = batch.size(2), w = batch.size(3);
        int cols = Math.min(columns, n);
        int rows = (n + cols - 1) / cols;
        int gh = rows * (h + padding) + padding;
        int gw = cols * (w + padding) + padding;
        float[] src = batch.toFloatArray();
        double[] out = new double[c * gh * gw];
        java.util.Arrays.fill(out, 1.0);
        for (int i = 0; i < n; i++) {
            int top = padding + (i / cols) * (h + padding);
            int left = padding + (i % cols) * (w + padding);
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        out[(ch * gh + top + y) * gw + left + x] = src[((i * c + ch) * h + y) * w + x];
                    }
                }
            }
        }
        return Tensor.of(out, DType.F32, Device.CPU, c, gh, gw);
    }

    /** Writes a batch [N, C, H, W] as one PNG grid. */
    public static void writeGrid(Tensor batch, int columns, Path file) throws IOException {
        writePng(grid(batch, columns, 2), file);
    }

    /** The most pixels a picture may have: 16,384 × 16,384, a quarter of the heap of a laptop's Java in RGB. */
    private static final long MOST_PIXELS = 1L << 28;

    /** A picture's width and height, read from its header without decoding it. */
    public static Dimension dimensions(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + (Files.isDirectory(file) ? " is a folder, not a picture" : Files.exists(file)
                    ? " is not a regular file (a device or a pipe?), not a picture" : ": no such file"));
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            var readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException(file + " is not an image Java can read (PNG, JPEG, GIF, BMP or WebP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new Dimension(reader.getWidth(0), reader.getHeight(0));
            } catch (IOException e) {
                throw new IOException(file + " could not be read as a picture (" + e.getMessage() + "); is the file complete? "
                        + "Copy or download it again", e);
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * The picture in {@code file} (PNG, JPEG, GIF, BMP or WebP), or an error that names the file: one
     * Java cannot decode, or one cut short (a half-copied or half-downloaded picture).
     */
    public static BufferedImage decode(Path file) throws IOException {
        Dimension size = dimensions(file);
        if ((long) size.width * size.height > MOST_PIXELS) {
            throw new IOException(file + " is " + size.width + "x" + size.height + " pixels, more than Masquerade reads (" + MOST_PIXELS
                    + " in all); scale it down first");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + " could not be read as a picture (" + e.getMessage() + "); is the file complete? "
                    + "Copy or download it again", e);
        } catch (LinkageError e) { // Debian's Java decodes JPEG through the system's libjpeg.so.62
            throw new IOException(file + " could not be decoded: Java's image decoder could not load a system library (" + e.getMessage()
                    + "); on Debian or Ubuntu install it with apt-get install libjpeg62-turbo", e);
        }
        if (image == null) {
            throw new IOException(file + " is not an image Java can read (PNG, JPEG, GIF, BMP or WebP)");
        }
        return image;
    }

    /**
     * Reads a picture as [channels, H, W] in [0, 1] (channels 1 or 3), resized to size×size
     * when size > 0 (halved while it is more than twice that, then bilinear).
     */
    public static Tensor read(Path file, int channels, int size) throws IOException {
        BufferedImage image = decode(file);
        boolean grey = isGrey(image);
        if (size > 0 && (image.getWidth() != size || image.getHeight() != size)) {
            // bilinear sampling reads 2×2 pixels: shrinking by more than 2 at once skips pixels and aliases, halving first does not
            while (image.getWidth() >= 2 * size && image.getHeight() >= 2 * size) {
                image = resized(image, image.getWidth() / 2, image.getHeight() / 2, grey);
            }
            image = resized(image, size, size, grey);
        }
        return fromImage(image, channels);
    }

    /** Whether a decoded picture is grey (one band of grey levels; a palette PNG's one band holds colour indices). */
    public static boolean isGrey(BufferedImage image) {
        return image.getRaster().getNumBands() == 1 && image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    /** A colour picture [3, H, W] as grey [1, H, W] by the BT.601 weights (JPEG's luma); a grey one as it is. */
    public static Tensor toGrey(Tensor picture) {
        checkImage("toGrey", picture);
        if (picture.size(0) == 1) {
            return picture;
        }
        return picture.narrow(0, 0, 1).mul(RED).add(picture.narrow(0, 1, 1).mul(GREEN)).add(picture.narrow(0, 2, 1).mul(BLUE));
    }

    /** A decoded picture as [channels, H, W] in [0, 1] (channels 1 or 3; colour becomes grey by the BT.601 weights). */
    public static Tensor fromImage(BufferedImage image, int channels) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("fromImage: channels must be 1 or 3, got " + channels);
        }
        boolean grey = isGrey(image);
        int h = image.getHeight(), w = image.getWidth();
        double greyMax = (1 << image.getRaster().getSampleModel().getSampleSize(0)) - 1; // 255, or 65535 for a 16-bit PNG
        double[] out = new double[channels * h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double r, g, b;
                if (grey) { // the raster's sample: getRGB would convert grey through a colour space
                    r = g = b = image.getRaster().getSample(x, y, 0) / greyMax;
                } else {
                    int rgb = image.getRGB(x, y);
                    r = ((rgb >> 16) & 0xFF) / 255.0;
                    g = ((rgb >> 8) & 0xFF) / 255.0;
                    b = (rgb & 0xFF) / 255.0;
                }
                if (channels == 1) {
                    out[y * w + x] = RED * r + GREEN * g + BLUE * b;
                } else {
                    out[y * w + x] = r;
                    out[(h + y) * w + x] = g;
                    out[(2 * h + y) * w + x] = b;
                }
            }
        }
        return Tensor.of(out, DType.F32, Device.CPU, channels, h, w);
    }

    private static BufferedImage resized(BufferedImage image, int width, int height, boolean grey) {
        BufferedImage resized = new BufferedImage(width, height, grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = resized.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return resized;
    }

    private static void checkImage(String op, Tensor image) {
        if (image.rank() != 3 || (image.size(0) != 1 && image.size(0) != 3)) {
            throw new IllegalArgumentException(op + ": needs an image [1 or 3, H, W], got " + Shape.str(image.shape())
                    + "; use grid() for a batch");
        }
    }

    private static int toByte(float v) {
        return (int) Math.round(Math.min(Math.max(v, 0f), 1f) * 255);
    }
}
