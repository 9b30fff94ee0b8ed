package dev.masquerade.translation;

import dev.masquerade.engine.Tensor;
import dev.masquerade.gan.GanLoss;

/**
 * The adversarial part of the translation losses, weighted as junyanz/pytorch-CycleGAN-and-pix2pix
 * weights it: the discriminator minimises ½·(c(D(real), 1) + c(D(fake), 0)) (the paper halves
 * it to slow D down; under Adam, whose steps do not depend on the loss's scale, the half hardly
 * changes anything, and we keep it for parity); the generator minimises c(D(fake), 1). pix2pix
 * uses cross-entropy for c ({@link #VANILLA}), CycleGAN the squared error ({@link #LSGAN}), which
 * keeps pulling fakes that D already accepts but that lie far from the real ones.
 * Tutorials: tutorials/14-nonsaturating.md, tutorials/16-lsgan.md.
 */
public enum Objective {
    /** Cross-entropy on logits: the non-saturating GAN. */
    VANILLA(GanLoss.NONSATURATING, 0.5, 1),
    /** Least squares on raw scores (GanLoss.LSGAN has the ½ on both sides already). */
    LSGAN(GanLoss.LSGAN, 1, 2);

    private final GanLoss loss;
    private final double discriminatorScale;
    private final double generatorScale;

    Objective(GanLoss loss, double discriminatorScale, double generatorScale) {
        this.loss = loss;
        this.discriminatorScale = discriminatorScale;
        this.generatorScale = generatorScale;
    }

    /** The discriminator's loss on its scores for real and for (detached) fake pictures. */
    public Tensor discriminator(Tensor real, Tensor fake) {
        return loss.discriminator(real, fake, 0).mul(discriminatorScale);
    }

    /** The generator's loss on the discriminator's scores for its fakes. */
    public Tensor generator(Tensor fake) {
        return loss.generator(fake).mul(generatorScale);
    }

    /** What the discriminator says of a batch, for the log: mean probability of "real", or mean raw score for LSGAN. */
    public double meanOutput(Tensor scores) {
        return loss.meanOutput(scores);
    }
}
