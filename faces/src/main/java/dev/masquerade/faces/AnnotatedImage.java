package dev.masquerade.faces;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A picture with its faces drawn on it: each detector box in green and its 68 landmarks as
 * dots, coloured by part (jaw, brows, nose, eyes, mouth), so that a misplaced point shows.
 * No text: drawing text needs fonts, which some machines lack.
 */
public final class AnnotatedImage {
    private static final Color BOX = new Color(0, 220, 90);
    private static final int[] PART_ENDS = {17, 27, 36, 48, 68};
    private static final Color[] PART_COLOURS = {
        new Color(255, 200, 0), new Color(255, 120, 0), new Color(0, 190, 255), new Color(255, 60, 200), new Color(255, 40, 40)};

    private AnnotatedImage() {
    }

    /** A copy of {@code image} with {@code faces} drawn on it. */
    public static BufferedImage draw(RgbImage image, List<Face> faces) {
        BufferedImage out = image.toBufferedImage();
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        float line = Math.max(1.5f, Math.max(image.width(), image.height()) / 300f);
        g.setStroke(new BasicStroke(line));
        for (Face face : faces) {
            g.setColor(BOX);
            Box b = face.box();
            g.drawRect((int) Math.round(b.x()), (int) Math.round(b.y()), (int) Math.round(b.width()), (int) Math.round(b.height()));
            double radius = Math.max(1.5, b.width() / 80);
            for (int i = 0, part = 0; i < face.landmarks().length; i++) {
                part = i >= PART_ENDS[part] ? part + 1 : part;
                g.setColor(PART_COLOURS[part]);
                double[] p = face.landmarks()[i];
                g.fill(new java.awt.geom.Ellipse2D.Double(p[0] - radius, p[1] - radius, 2 * radius, 2 * radius));
            }
        }
        g.dispose();
        return out;
    }
}
