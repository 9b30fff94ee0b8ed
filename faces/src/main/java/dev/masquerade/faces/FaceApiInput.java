package dev.masquerade.faces;

import dev.masquerade.engine.Tensor;

/**
 * face-api's pre-processing, to the bit, as {@code NetInput.toBatchTensor} and
 * {@code normalize} do it on a TF.js image tensor:
 * <ol>
 *   <li>pad the shorter side with black (value 0) to a square: all of it after the picture
 *       (right or bottom) for the detector, or half before and half after for the landmark and
 *       recognition nets ("centred"; the odd pixel goes after);</li>
 *   <li>resize to size × size with TensorFlow's legacy bilinear sampling (no half-pixel
 *       centres: output pixel i samples input position i·in/out), skipped when the square
 *       already has that size;</li>
 *   <li>subtract the network's mean red, green and blue, then divide by 255.</li>
 * </ol>
 * Each step rounds to float32, as TF.js does; the result is the engine's [1, 3, size, size].
 */
final class FaceApiInput {
    private FaceApiInput() {
    }

    /** The network input for {@code image}: [1, 3, size, size], float32. */
    static Tensor batch(RgbImage image, int size, boolean centred, float[] meanRgb) {
        RgbImage square = padToSquare(image, centred);
        float[] values = square.width() == size ? square.rgb() : resize(square, size);
        float[] chw = new float[3 * size * size];
        for (int i = 0; i < size * size; i++) {
            for (int c = 0; c < 3; c++) {
                chw[c * size * size + i] = (values[i * 3 + c] - meanRgb[c]) / 255f;
            }
        }
        return Tensor.of(chw, 1, 3, size, size);
    }

    /** Step 1; before = diff − round(diff / 2) when centred, else 0 (face-api's padToSquare). */
    static RgbImage padToSquare(RgbImage image, boolean centred) {
        int w = image.width(), h = image.height(), side = Math.max(w, h), diff = side - Math.min(w, h);
        if (diff == 0) {
            return image;
        }
        int before = centred ? diff - (int) Math.round(diff * 0.5) : 0;
        int left = w < h ? before : 0, top = h < w ? before : 0;
        float[] out = new float[side * side * 3];
        for (int y = 0; y < h; y++) {
            System.arraycopy(image.rgb(), y * w * 3, out, ((top + y) * side + left) * 3, w * 3);
        }
        return new RgbImage(side, side, out);
    }

    /** Step 2: TF.js's CPU kernel, interpolating in double and storing float32. */
    private static float[] resize(RgbImage square, int size) {
        int in = square.width();
        double ratio = (double) in / size;
        float[] out = new float[size * size * 3];
        for (int r = 0; r < size; r++) {
            double sourceRow = ratio * r;
            int top = (int) Math.floor(sourceRow), bottom = Math.min(in - 1, (int) Math.ceil(sourceRow));
            double rowFraction = sourceRow - top;
            for (int col = 0; col < size; col++) {
                double sourceColumn = ratio * col;
                int left = (int) Math.floor(sourceColumn), right = Math.min(in - 1, (int) Math.ceil(sourceColumn));
                double columnFraction = sourceColumn - left;
                for (int c = 0; c < 3; c++) {
                    double topValue = square.at(left, top, c) + (square.at(right, top, c) - square.at(left, top, c)) * columnFraction;
                    double bottomValue = square.at(left, bottom, c) + (square.at(right, bottom, c) - square.at(left, bottom, c)) * columnFraction;
                    out[(r * size + col) * 3 + c] = (float) (topValue + (bottomValue - topValue) * rowFraction);
                }
            }
        }
        return out;
    }
}
