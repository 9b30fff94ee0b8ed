package dev.masquerade.autoencoder;

import dev.masquerade.nn.io.AtomicFiles;
import dev.masquerade.nn.io.Images;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Cuts an aligned face crop out of a photo: a square box given in the photo's pixels, scaled
 * to the model's size. Real face-swap tools find the box with a face detector and align the
 * eyes; for the two portraits of the README a fixed box does.
 */
public final class FaceCrop {
    private FaceCrop() {
    }

    /** Writes the box (left, top, side) of {@code photo}, scaled to size×size, to {@code output} as PNG or JPEG (by its extension). */
    public static void crop(Path photo, int left, int top, int side, int size, Path output) throws IOException {
        String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
        String format = name.endsWith(".png") ? "png" : name.endsWith(".jpg") || name.endsWith(".jpeg") ? "jpg" : null;
        if (format == null) {
            throw new IllegalArgumentException("crop: the crop's file " + output + " must end in .png, .jpg or .jpeg (the format it is written in)");
        }
        if (size < 1 || size > 4096) {
            throw new IllegalArgumentException("crop: --size must be from 1 to 4096 pixels, got " + size);
        }
        if (Files.exists(output) && Files.isSameFile(photo, output)) {
            throw new IllegalArgumentException("crop: writing the crop to " + output + " would replace the photo; choose another --out");
        }
        BufferedImage image = Images.decode(photo);
        if (left < 0 || top < 0 || side < 1 || left + side > image.getWidth() || top + side > image.getHeight()) {
            throw new IllegalArgumentException("the box " + left + "," + top + "," + side + " does not fit inside " + photo + " ("
                    + image.getWidth() + "x" + image.getHeight() + ")");
        }
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, size, size, left, top, left + side, top + side, null);
        g.dispose();
        AtomicFiles.write(output, stream -> ImageIO.write(out, format, stream));
    }
}
