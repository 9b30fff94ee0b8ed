package dev.masquerade.autoencoder;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Cuts an aligned face crop out of a photo: a square box given in the photo's pixels, scaled
 * to the model's size. Real face-swap tools find the box with a face detector and align the
 * eyes; for the two portraits of the README a fixed box does.
 */
public final class FaceCrop {
    private FaceCrop() {
    }

    /** Writes the box (left, top, side) of {@code photo}, scaled to size×size, to {@code output} as PNG. */
    public static void crop(Path photo, int left, int top, int side, int size, Path output) throws IOException {
        BufferedImage image = ImageIO.read(photo.toFile());
        if (image == null) {
            throw new IOException(photo + " is not an image Java can read (PNG or JPEG)");
        }
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
        Files.createDirectories(output.toAbsolutePath().getParent());
        ImageIO.write(out, "png", output.toFile());
    }
}
