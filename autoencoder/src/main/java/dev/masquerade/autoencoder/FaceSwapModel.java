package dev.masquerade.autoencoder;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.nn.Module;
import dev.masquerade.nn.Sequential;
import dev.masquerade.nn.layers.Activation;
import dev.masquerade.nn.layers.Conv2d;
import dev.masquerade.nn.layers.Linear;
import dev.masquerade.nn.layers.Reshape;
import dev.masquerade.nn.layers.Upscale;

/**
 * The classic deepfake: one encoder shared by both identities and one decoder per identity.
 *
 * <p>Trained to reconstruct A's faces through decoder A and B's through decoder B, the encoder
 * sees both people and so learns what their faces have in common (pose, expression, light),
 * while each decoder learns to paint one person. A swap feeds a face of A through decoder B:
 * B's face with A's pose and expression. The layers are {@code faceswap_small}'s in
 * {@code shared/anchors/MODELS.md}, with the channel counts scaled by the configuration.
 */
public final class FaceSwapModel extends Module {
    private final FaceSwapConfig config;
    private final Sequential encoder;
    private final Sequential decoderA;
    private final Sequential decoderB;

    /** The two identities. */
    public enum Side {
        A, B;

        /** The other identity: the side a swap goes to. */
        public Side other() {
            return this == A ? B : A;
        }

        /** The side named a or b (any case), as {@code --to} takes it. */
        public static Side parse(String text) {
            return switch (text.toLowerCase(java.util.Locale.ROOT)) {
                case "a" -> A;
                case "b" -> B;
                default -> throw new IllegalArgumentException("--to must be a or b, got '" + text + "'");
            };
        }
    }

    /** A decoder's output: the face [N, 3, S, S] and, when the model has masks, the mask [N, 1, S, S]. */
    public record Decoded(Tensor face, Tensor mask) {
    }

    /** A freshly initialised model. */
    public FaceSwapModel(FaceSwapConfig config, Rng rng) {
        this.config = config;
        int w = config.width(), b = config.bottleneck();
        this.encoder = child("encoder", new Sequential(
                new Conv2d(3, w, 5, 2, 2, rng), Activation.leakyRelu(0.1),
                new Conv2d(w, 2 * w, 5, 2, 2, rng), Activation.leakyRelu(0.1),
                new Conv2d(2 * w, 4 * w, 5, 2, 2, rng), Activation.leakyRelu(0.1),
                new Conv2d(4 * w, 8 * w, 5, 2, 2, rng), Activation.leakyRelu(0.1),
                Reshape.flatten(), new Linear(8 * w * b * b, config.latent(), rng), new Linear(config.latent(), 8 * w * b * b, rng),
                new Reshape(8 * w, b, b), new Upscale(8 * w, 4 * w, rng)));
        this.decoderA = child("decoderA", decoder(config, rng));
        this.decoderB = child("decoderB", decoder(config, rng));
    }

    private static Sequential decoder(FaceSwapConfig config, Rng rng) {
        // BEGIN SOLUTION task-5.3: one identity's decoder, from the encoder's code [N, 4w, S/8, S/8] to a face [N, 3, S, S]: three Upscale blocks (4w to 2w, 2w to w, w to w/2 channels), a 5x5 convolution (padding 2) to 3 channels (4 with masks) and a sigmoid (see tutorials/10-autoencoder-loss.md)
        int w = config.width();
        return new Sequential(new Upscale(4 * w, 2 * w, rng), new Upscale(2 * w, w, rng), new Upscale(w, w / 2, rng),
                new Conv2d(w / 2, config.masks() ? 4 : 3, 5, 1, 2, rng), Activation.sigmoid());
        // END SOLUTION
    }

    /** The configuration it was built with. */
    public FaceSwapConfig config() {
        return config;
    }

    /** The shared code of faces [N, 3, S, S]. */
    public Tensor encode(Tensor faces) {
        if (faces.rank() != 4 || faces.size(1) != 3 || faces.size(2) != config.size() || faces.size(3) != config.size()) {
            throw new IllegalArgumentException("the face-swap model takes RGB faces [N, 3, " + config.size() + ", " + config.size()
                    + "], got " + Shape.str(faces.shape()) + " (resize the crops to " + config.size() + " pixels)");
        }
        return encoder.forward(faces);
    }

    /** Decodes a shared code with one identity's decoder. */
    public Decoded decode(Side side, Tensor code) {
        Tensor out = (side == Side.A ? decoderA : decoderB).forward(code);
        return config.masks() ? new Decoded(out.narrow(1, 0, 3), out.narrow(1, 3, 1)) : new Decoded(out, null);
    }

    /**
     * Faces turned into {@code side}'s identity. With masks, the decoder's face is blended into
     * the input where the mask says: mask·face + (1 − mask)·input, so the background stays.
     */
    public Tensor swap(Side side, Tensor faces) {
        // BEGIN SOLUTION task-5.4: the swap: the shared encoder's code of the faces, decoded by side's decoder, and with masks blended into the input faces (see tutorials/10-autoencoder-loss.md)
        Decoded decoded = decode(side, encode(faces));
        return decoded.mask() == null ? decoded.face() : blend(decoded, faces);
        // END SOLUTION
    }

    /** mask·face + (1 − mask)·background. */
    public static Tensor blend(Decoded decoded, Tensor background) {
        return decoded.face().mul(decoded.mask()).add(background.mul(decoded.mask().neg().add(1)));
    }

}
