package dev.masquerade.workflow;

import dev.masquerade.faces.RgbImage;

/**
 * How visible the join between a pasted face and its frame is, measured in the aligned crop on a
 * ring of {@value #RING} pixels either side of the face mask's edge, in the converted frame
 * against the same in the original frame (so that a face's own edges, which are there in both,
 * do not count):
 * <ul>
 *   <li>{@code seam}: the mean gradient magnitude of the grey levels on the ring, converted over
 *       original. 1 means as much edge as was there. It mixes two things: a hard border adds
 *       edges, a blurry swapped face removes the face's own (the jaw's contour runs along the ring).</li>
 *   <li>{@code edgeAdded}: the part that is the seam alone: the mean, over the ring, of how much
 *       the gradient magnitude grew where it grew (grey levels a pixel); 0 for a perfect join.</li>
 *   <li>{@code colourStep}: the distance in RGB (0..255) between the mean colour just inside the
 *       edge and just outside it, converted minus original: a face of the wrong colour raises it.</li>
 * </ul>
 *
 * @param seam       converted over original mean gradient on the ring
 * @param edgeAdded  mean growth of the gradient magnitude on the ring (grey levels a pixel)
 * @param colourStep converted minus original colour difference across the edge
 */
public record SeamMetrics(double seam, double edgeAdded, double colourStep) {
    /** Pixels of the ring on each side of the mask's edge. */
    static final int RING = 2;

    /** The metrics of one face: its crop in the original and in the converted frame, and its (hard) face mask. */
    public static SeamMetrics measure(RgbImage original, RgbImage converted, float[] faceMask) {
        int size = original.width();
        float[] inner = BlendMask.erode(faceMask, size, RING), outer = BlendMask.dilate(faceMask, size, RING);
        double gradientConverted = 0, gradientOriginal = 0, added = 0;
        int ring = 0;
        for (int y = 1; y < size - 1; y++) {
            for (int x = 1; x < size - 1; x++) {
                int i = y * size + x;
                if (outer[i] >= 0.5f && inner[i] < 0.5f) {
                    double after = gradient(converted, x, y), before = gradient(original, x, y);
                    gradientConverted += after;
                    gradientOriginal += before;
                    added += Math.max(0, after - before);
                    ring++;
                }
            }
        }
        double seam = ring == 0 || gradientOriginal == 0 ? Double.NaN : gradientConverted / gradientOriginal;
        return new SeamMetrics(seam, ring == 0 ? Double.NaN : added / ring, step(converted, faceMask, inner, outer) - step(original, faceMask, inner, outer));
    }

    /** The distance between the mean colour of the ring's inner half and of its outer half. */
    private static double step(RgbImage image, float[] mask, float[] inner, float[] outer) {
        double[] in = new double[3], out = new double[3];
        int nIn = 0, nOut = 0;
        for (int i = 0; i < mask.length; i++) {
            boolean inside = mask[i] >= 0.5f && inner[i] < 0.5f, outside = mask[i] < 0.5f && outer[i] >= 0.5f;
            for (int c = 0; c < 3; c++) {
                in[c] += inside ? image.rgb()[i * 3 + c] : 0;
                out[c] += outside ? image.rgb()[i * 3 + c] : 0;
            }
            nIn += inside ? 1 : 0;
            nOut += outside ? 1 : 0;
        }
        if (nIn == 0 || nOut == 0) {
            return Double.NaN;
        }
        return Math.sqrt(Math.pow(in[0] / nIn - out[0] / nOut, 2) + Math.pow(in[1] / nIn - out[1] / nOut, 2) + Math.pow(in[2] / nIn - out[2] / nOut, 2));
    }

    /** |∇ grey| by central differences. */
    private static double gradient(RgbImage image, int x, int y) {
        return Math.hypot(image.grey(x + 1, y) - image.grey(x - 1, y), image.grey(x, y + 1) - image.grey(x, y - 1)) / 2;
    }
}
