package dev.masquerade.autoencoder;

import dev.masquerade.autoencoder.FaceSwapModel.Side;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.gan.GanLoss;
import dev.masquerade.gan.models.PatchGan;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.Module;
import dev.masquerade.nn.io.Checkpoint;
import dev.masquerade.nn.optim.Adam;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Adversarial refinement of the face swap: for each person a {@link PatchGan} learns to tell
 * that person's real faces from what the decoder makes of them, and the decoder is also
 * trained to fool it (the non-saturating loss, times a weight). L1 and DSSIM reward the
 * average of all plausible details, which is a blur; the discriminator sees the blur and
 * penalises it. With masks, both sides are judged inside the face mask only, so that the
 * background (which the blend takes from the input anyway) does not count.
 */
public final class FaceSwapAdversary extends Module {
    /** Name of the adversary's checkpoint beside the model's in a run folder. */
    public static final String CHECKPOINT = "adversary.json";
    private static final GanLoss LOSS = GanLoss.NONSATURATING;
    private static final int WIDTH = 32;

    private final Layer discriminatorA;
    private final Layer discriminatorB;
    private final Adam optimizerA;
    private final Adam optimizerB;
    private final double weight;

    /** Two fresh discriminators for pictures of {@code channels} channels; the weight scales the decoder's adversarial loss. */
    public FaceSwapAdversary(int channels, double weight, double learningRate, Rng rng, Device device) {
        this.weight = weight;
        this.discriminatorA = child("discriminator_a", PatchGan.discriminator(channels, WIDTH, rng.split()));
        this.discriminatorB = child("discriminator_b", PatchGan.discriminator(channels, WIDTH, rng.split()));
        to(device);
        this.optimizerA = new Adam(discriminatorA.parameters(), learningRate, 0.5, 0.999);
        this.optimizerB = new Adam(discriminatorB.parameters(), learningRate, 0.5, 0.999);
    }

    private Layer discriminator(Side side) {
        return side == Side.A ? discriminatorA : discriminatorB;
    }

    /** weight · the generator's loss: how far the decoder's faces are from fooling this side's discriminator. */
    public Tensor decoderLoss(Side side, Tensor faces, Tensor mask) {
        return LOSS.generator(discriminator(side).forward(judged(faces, mask))).mul(weight);
    }

    /** One update of this side's discriminator on real faces and (detached) decoded ones; returns its loss. */
    public double discriminatorStep(Side side, Tensor real, Tensor decoded, Tensor mask) {
        Adam optimizer = side == Side.A ? optimizerA : optimizerB;
        optimizer.zeroGrad();
        Layer d = discriminator(side);
        Tensor loss = LOSS.discriminator(d.forward(judged(real, mask)), d.forward(judged(decoded.detach(), mask)), 0);
        loss.backward();
        optimizer.step();
        double value = loss.item();
        // no gradient outlives the step: the decoder's next backward pass, which runs through this
        // discriminator, would add to it, and its memory goes with the step's Memory scope
        optimizer.zeroGrad();
        return value;
    }

    private static Tensor judged(Tensor faces, Tensor mask) {
        return mask == null ? faces : faces.mul(mask);
    }

    /** Saves both discriminators and their optimizers (atomically). */
    public void save(Path folder) throws IOException {
        Checkpoint.save(folder.resolve(CHECKPOINT), this, Map.of("a", optimizerA, "b", optimizerB), Map.of("model", "FaceSwapAdversary"));
    }

    /** Restores what {@link #save} wrote. */
    public void load(Path folder) throws IOException {
        Checkpoint.loadInto(folder.resolve(CHECKPOINT), this, Map.of("a", optimizerA, "b", optimizerB));
    }

}
