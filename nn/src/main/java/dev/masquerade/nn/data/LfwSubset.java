package dev.masquerade.nn.data;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * scikit-image's {@code lfw_subset.npy} (Debian's python3-skimage): 200 grey faces of 25×25
 * from Labeled Faces in the Wild, float64 in [0, 1]. Anything else is refused with what it
 * holds, rather than cut into noise: another shape, or values outside [0, 1] (bytes, say).
 */
public final class LfwSubset {
    private LfwSubset() {
    }

    /** The first {@code faces} faces as [faces, 1, 25, 25] grey images in [0, 1], unlabelled. */
    public static ArrayDataset load(Path npy, int faces) throws IOException {
        if (!Files.exists(npy)) {
            throw new IOException("no lfw_subset.npy at " + npy + "; install python3-skimage (apt-get install python3-skimage) "
                    + "or run scripts/fetch-portraits.sh, or pass --data FILE");
        }
        Tensor array = Npy.read(npy);
        int[] shape = array.shape();
        if (shape.length != 3 || shape[0] < faces || shape[1] != 25 || shape[2] != 25) {
            throw new IOException(npy + " holds an array of shape " + Shape.str(shape) + ", not scikit-image's lfw_subset.npy "
                    + "(at least " + faces + " grey images of 25x25: [N, 25, 25])");
        }
        float[] values = Arrays.copyOf(array.toFloatArray(), faces * 25 * 25);
        double lowest = Double.MAX_VALUE, highest = -Double.MAX_VALUE;
        for (float v : values) {
            if (Float.isNaN(v)) {
                throw new IOException(npy + " holds NaN values, not grey levels in [0, 1]; mend or drop those images first");
            }
            lowest = Math.min(lowest, v);
            highest = Math.max(highest, v);
        }
        if (lowest < 0 || highest > 1) {
            throw new IOException(npy + " holds values from " + lowest + " to " + highest + ", not grey levels in [0, 1]; "
                    + "save the images divided by 255 (or by their maximum) first (uint8 images are read as 0 to 255)");
        }
        return new ArrayDataset(values, new int[] {1, 25, 25}, new int[faces]);
    }
}
