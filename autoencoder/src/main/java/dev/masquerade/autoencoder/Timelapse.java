package dev.masquerade.autoencoder;

import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.io.AnimatedGif;
import dev.masquerade.nn.io.Images;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * "How long should I train?" answered by looking: the swap of the same faces, saved every few
 * steps as {@code step_NNNNNN.png} (the grid of {@code swap.png}, labelled with its step), and
 * at the end all of them as a looping {@code timelapse.gif}. A resumed run adds its frames to
 * the same folder, so the GIF covers the whole training.
 */
final class Timelapse {
    /** How long each frame shows in the GIF. */
    private static final int FRAME_MILLIS = 400;
    /** The GIF's file name in the timelapse folder. */
    static final String GIF = "timelapse.gif";

    private Timelapse() {
    }

    /** Saves the swap grid at {@code step} into {@code folder}. */
    static void frame(FaceSwapModel model, FaceSwapTrainer.Data data, Device device, Path folder, long step) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(String.format(Locale.ROOT, "step_%06d.png", step));
        FaceSwapTrainer.writeSwapGrid(model, data, device, file);
        BufferedImage picture = Images.decode(file);
        BufferedImage labelled = new BufferedImage(picture.getWidth(), picture.getHeight() + 18, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = labelled.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, labelled.getWidth(), 18);
        g.drawImage(picture, 0, 18, null);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString("step " + step, 4, 14);
        g.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(labelled, "png", png);
        dev.masquerade.nn.io.AtomicFiles.write(file, png.toByteArray());
    }

    /** Writes every saved step of {@code folder}, in order, as {@value #GIF}; returns how many frames it holds. */
    static int finish(Path folder) throws IOException {
        List<Path> steps;
        try (Stream<Path> files = Files.list(folder)) {
            steps = files.filter(f -> f.getFileName().toString().matches("step_\\d+\\.png")).sorted().toList();
        }
        List<BufferedImage> frames = new ArrayList<>();
        for (Path step : steps) {
            frames.add(Images.decode(step));
        }
        if (!frames.isEmpty()) {
            AnimatedGif.write(frames, FRAME_MILLIS, folder.resolve(GIF));
        }
        return frames.size();
    }
}
