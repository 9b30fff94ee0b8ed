package dev.masquerade.detection;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.nn.io.Images;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * What happens to a picture on its way round the internet: a blur (resizing, a soft lens) and
 * JPEG compression. Both remove high frequencies, where generators leave their marks, so a
 * detector that never saw them during training can lose its fakes to them (Wang et al., 2020).
 */
public final class Degradations {
    private Degradations() {
    }

    /** The picture [C, H, W] blurred by a Gaussian of standard deviation {@code sigma} pixels (edges repeated); 0 leaves it as it is. */
    public static Tensor blur(Tensor picture, double sigma) {
        if (sigma <= 0) {
            return picture;
        }
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        int c = picture.size(0), h = picture.size(1), w = picture.size(2);
        double[] values = picture.toDoubleArray(), across = new double[values.length], out = new double[values.length];
        for (int plane = 0; plane < c * h * w; plane += h * w) { // a 2-d Gaussian is a row blur, then a column blur
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = 0;
                    for (int i = -radius; i <= radius; i++) {
                        v += kernel[i + radius] * values[plane + y * w + Math.min(Math.max(x + i, 0), w - 1)];
                    }
                    across[plane + y * w + x] = v;
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = 0;
                    for (int i = -radius; i <= radius; i++) {
                        v += kernel[i + radius] * across[plane + Math.min(Math.max(y + i, 0), h - 1) * w + x];
                    }
                    out[plane + y * w + x] = v;
                }
            }
        }
        return Tensor.of(out, DType.F32, picture.shape());
    }

    /** The picture [C, H, W] saved as a JPEG of {@code quality} (1 to 100) and read back. */
    public static Tensor jpeg(Tensor picture, int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be from 1 to 100, got " + quality);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam settings = writer.getDefaultWriteParam();
            settings.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            settings.setCompressionQuality(quality / 100f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(Images.toImage(picture), null, null), settings);
            out.flush();
            return Images.fromImage(ImageIO.read(new ByteArrayInputStream(bytes.toByteArray())), picture.size(0));
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG compression in memory failed: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
    }
}
