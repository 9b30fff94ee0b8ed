package dev.masquerade.autoencoder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shape of a face-swap autoencoder.
 *
 * @param size   input and output size in pixels, 64 or 128
 * @param width  channels of the first encoder convolution; the encoder doubles them three
 *               times (width, 2·width, 4·width, 8·width) and the decoders halve them again
 * @param latent length of the shared code in the middle
 * @param masks  whether each decoder also predicts a mask (a fourth, sigmoid channel)
 */
public record FaceSwapConfig(int size, int width, int latent, boolean masks) {

    /** {@code faceswap_small} of the reference workloads: 64×64, width 64, code 512, about 20.5 M parameters. */
    public static final FaceSwapConfig SMALL = new FaceSwapConfig(64, 64, 512, false);

    /** Checks the numbers, so that a bad option fails here and not deep inside a convolution. */
    public FaceSwapConfig {
        if (size != 64 && size != 128) {
            throw new IllegalArgumentException("--size (the face size in pixels) must be 64 or 128, got " + size);
        }
        if (width < 2 || width % 2 != 0 || width > 1024 || latent < 1 || latent > 16384) {
            throw new IllegalArgumentException("--width must be an even number from 2 to 1024 and --latent from 1 to 16384 (64 and 512"
                    + " make faceswap_small), got --width " + width + " and --latent " + latent);
        }
    }

    /** The spatial size of the encoder's last feature map (four stride-2 convolutions). */
    public int bottleneck() {
        return size / 16;
    }

    /** The configuration as checkpoint metadata. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("model", "faceswap");
        map.put("size", size);
        map.put("width", width);
        map.put("latent", latent);
        map.put("masks", masks);
        return map;
    }

    /** Reads the configuration back from checkpoint metadata, refusing anything that is not a face-swap model. */
    public static FaceSwapConfig fromMap(Map<String, Object> map, String source) {
        if (!"faceswap".equals(map.get("model"))) {
            throw new IllegalArgumentException(source + " is not a face-swap checkpoint (its model is " + map.get("model")
                    + "); train one with 'masquerade faceswap train' or 'masquerade demo'");
        }
        try {
            return new FaceSwapConfig(((Number) map.get("size")).intValue(), ((Number) map.get("width")).intValue(),
                    ((Number) map.get("latent")).intValue(), (Boolean) map.get("masks"));
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException(source + " has an incomplete face-swap configuration: " + map);
        }
    }
}
