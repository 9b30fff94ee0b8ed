package dev.masquerade.workflow;

import dev.masquerade.faces.RgbImage;
import dev.masquerade.faces.SimilarityTransform;
import dev.masquerade.faces.Warp;

/**
 * Putting a face back into its frame: every frame pixel under the crop takes
 * mask·face + (1 − mask)·frame, where face and mask are read from the crop at the point the
 * crop's transform carries the pixel's centre to (bilinearly). It is the aligner's warp run the
 * other way, with a mask.
 */
public final class Paste {
    private Paste() {
    }

    // snippet: paste
    /**
     * Blends {@code face} (a size × size crop) into {@code frame} in place, through {@code mask}
     * (size × size values in [0, 1]); {@code toCrop} carries the frame's pixels to the crop's.
     */
    public static void into(RgbImage frame, RgbImage face, float[] mask, SimilarityTransform toCrop) {
        int size = face.width();
        SimilarityTransform back = toCrop.inverse();
        double left = Double.MAX_VALUE, top = Double.MAX_VALUE, right = -Double.MAX_VALUE, bottom = -Double.MAX_VALUE;
        for (double[] corner : new double[][] {{0, 0}, {size, 0}, {0, size}, {size, size}}) {
            double[] at = back.apply(corner);
            left = Math.min(left, at[0]);
            right = Math.max(right, at[0]);
            top = Math.min(top, at[1]);
            bottom = Math.max(bottom, at[1]);
        }
        float[] rgb = frame.rgb();
        // BEGIN SOLUTION task-8.3: for every frame pixel in the box: carry its centre into the crop with toCrop, read the mask there (Warp.bilinear), and where it is above 0 blend mask·face + (1 − mask)·frame per channel, the face read bilinearly at the same point (see tutorials/22-alignment.md)
        for (int y = Math.max(0, (int) top); y < Math.min(frame.height(), (int) Math.ceil(bottom)); y++) {
            for (int x = Math.max(0, (int) left); x < Math.min(frame.width(), (int) Math.ceil(right)); x++) {
                double[] at = toCrop.apply(new double[] {x + 0.5, y + 0.5});
                float m = Warp.bilinear(mask, size, size, 1, 0, at[0], at[1]);
                if (m <= 0) {
                    continue;
                }
                for (int c = 0; c < 3; c++) {
                    int i = (y * frame.width() + x) * 3 + c;
                    rgb[i] = m * Warp.bilinear(face.rgb(), size, size, 3, c, at[0], at[1]) + (1 - m) * rgb[i];
                }
            }
        }
        // END SOLUTION
    }
    // end snippet
}
