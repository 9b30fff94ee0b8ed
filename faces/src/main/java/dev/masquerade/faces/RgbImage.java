package dev.masquerade.faces;

import dev.masquerade.nn.io.AtomicFiles;
import dev.masquerade.nn.io.Images;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A picture as the face networks take it: height × width × 3 values in 0..255 (red, green,
 * blue), row by row, the layout of a TF.js image tensor. Faces are found in pixel coordinates
 * of such a picture: x to the right, y down, (0, 0) the top-left corner of the top-left pixel.
 *
 * @param width  pixels per row
 * @param height rows
 * @param rgb    {@code rgb[(y·width + x)·3 + channel]}
 */
public record RgbImage(int width, int height, float[] rgb) {

    /** Checks that {@code rgb} holds width × height × 3 values. */
    public RgbImage {
        if (width < 1 || height < 1 || rgb.length != width * height * 3) {
            throw new IllegalArgumentException("an RgbImage of " + width + "x" + height + " holds " + width * height * 3
                    + " values, not " + rgb.length);
        }
    }

    /** The picture in {@code file} (PNG, JPEG, GIF or BMP); an alpha channel is dropped. */
    public static RgbImage read(Path file) throws IOException {
        return of(Images.decode(file));
    }

    /** The red, green and blue of {@code image}. */
    public static RgbImage of(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        float[] rgb = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int pixel = image.getRGB(x, y), i = (y * w + x) * 3;
                rgb[i] = (pixel >> 16) & 0xFF;
                rgb[i + 1] = (pixel >> 8) & 0xFF;
                rgb[i + 2] = pixel & 0xFF;
            }
        }
        return new RgbImage(w, h, rgb);
    }

    /** The picture as 8-bit RGB, each value rounded and clamped to 0..255. */
    public BufferedImage toBufferedImage() {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, (byte255(at(x, y, 0)) << 16) | (byte255(at(x, y, 1)) << 8) | byte255(at(x, y, 2)));
            }
        }
        return out;
    }

    /** Writes the picture as a PNG, atomically (see {@link AtomicFiles}). */
    public void writePng(Path file) throws IOException {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(toBufferedImage(), "png", png);
        AtomicFiles.write(file, png.toByteArray());
    }

    private static int byte255(float value) {
        return Math.round(Math.max(0, Math.min(255, value)));
    }

    /** One value: channel 0, 1 or 2 (red, green, blue) of pixel (x, y). */
    public float at(int x, int y, int channel) {
        return rgb[(y * width + x) * 3 + channel];
    }

    /** The grey level of pixel (x, y): Rec. 601's luma, 0.299 R + 0.587 G + 0.114 B. */
    public double grey(int x, int y) {
        return 0.299 * at(x, y, 0) + 0.587 * at(x, y, 1) + 0.114 * at(x, y, 2);
    }

    /** The rectangle of {@code w} × {@code h} pixels whose top-left pixel is (x, y), which must lie inside. */
    public RgbImage crop(int x, int y, int w, int h) {
        if (x < 0 || y < 0 || w < 1 || h < 1 || x + w > width || y + h > height) {
            throw new IllegalArgumentException("crop " + w + "x" + h + " at (" + x + ", " + y + ") does not lie inside " + width + "x" + height);
        }
        float[] out = new float[w * h * 3];
        for (int row = 0; row < h; row++) {
            System.arraycopy(rgb, ((y + row) * width + x) * 3, out, row * w * 3, w * 3);
        }
        return new RgbImage(w, h, out);
    }
}
