package dev.masquerade.gan;

import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.loss.Losses;
import java.util.Locale;

/**
 * The GAN loss family. Each member gives the discriminator's loss on its outputs for a real
 * and a fake batch, and the generator's loss on its outputs for a fake batch. The outputs are
 * raw scores (logits): the probability D(x) = σ(logit) is never formed, so that
 * log D(x) = −softplus(−logit) stays finite where σ would round to 0 or 1.
 *
 * <p>Derivatives are with respect to a fake logit f; σ is the logistic sigmoid.
 */
public enum GanLoss {
    /**
     * Goodfellow et al.'s game: D maximises log D(x) + log(1 − D(G(z))), G minimises
     * log(1 − D(G(z))) = −softplus(f). d/df = −σ(f), which vanishes while D still rejects the
     * fakes (σ(f) → 0): early in training G learns almost nothing. Tutorial:
     * tutorials/13-minimax.md and tutorials/14-nonsaturating.md.
     */
    MINIMAX {
        @Override
        public Tensor generator(Tensor fake) {
            return Losses.bceWithLogits(fake, Tensor.zerosLike(fake)).neg();
        }
    },
    /**
     * The same discriminator; G instead maximises log D(G(z)), i.e. minimises softplus(−f).
     * d/df = σ(f) − 1, close to −1 exactly when D rejects the fakes: a strong gradient when
     * G needs it most. Tutorial: tutorials/14-nonsaturating.md.
     */
    NONSATURATING {
        @Override
        public Tensor generator(Tensor fake) {
            // BEGIN SOLUTION task-6.2: the non-saturating generator loss, -log D(G(z)) = softplus(-f): the cross-entropy of the fake logits against the label "real" (see tutorials/14-nonsaturating.md)
            return Losses.bceWithLogits(fake, Tensor.onesLike(fake));
            // END SOLUTION
        }
    },
    /**
     * Least squares (Mao et al.): D minimises ½(r − 1)² + ½f², G minimises ½(f − 1)², on raw
     * scores. d/df = f − 1: the gradient grows with the distance from the real target and
     * never saturates. Tutorial: tutorials/16-lsgan.md.
     */
    LSGAN {
        @Override
        public Tensor discriminator(Tensor real, Tensor fake, double smoothing) {
            // BEGIN SOLUTION task-6.3: least squares: D's loss is half the mean squared distance of real scores from 1 - smoothing plus half that of fake scores from 0, G's half that of fake scores from 1 (see tutorials/16-lsgan.md)
            Tensor realTerm = real.sub(1 - smoothing).pow(2).mean();
            return realTerm.add(fake.pow(2).mean()).mul(0.5);
            // END SOLUTION
        }

        @Override
        public Tensor generator(Tensor fake) {
            // BEGIN SOLUTION task-6.3: least squares: D's loss is half the mean squared distance of real scores from 1 - smoothing plus half that of fake scores from 0, G's half that of fake scores from 1 (see tutorials/16-lsgan.md)
            return fake.sub(1).pow(2).mean().mul(0.5);
            // END SOLUTION
        }

        @Override
        public double meanOutput(Tensor logits) {
            return logits.mean().item();
        }
    },
    /**
     * Hinge (as in SAGAN and BigGAN): D minimises relu(1 − r) + relu(1 + f), G minimises −f.
     * D's gradient is zero for samples already beyond the margin; G's is a constant −1, as for
     * a Wasserstein critic. Tutorial: tutorials/17-hinge-wasserstein.md.
     */
    HINGE {
        @Override
        public Tensor discriminator(Tensor real, Tensor fake, double smoothing) {
            if (smoothing != 0) {
                throw new IllegalArgumentException("label smoothing needs labels; the hinge loss has a margin instead (drop --smoothing)");
            }
            // BEGIN SOLUTION task-6.4: the hinge: D's loss is mean relu(1 - r) over real scores plus mean relu(1 + f) over fake ones, G's minus the mean fake score (see tutorials/17-hinge-wasserstein.md)
            return real.neg().add(1).relu().mean().add(fake.add(1).relu().mean());
            // END SOLUTION
        }

        @Override
        public Tensor generator(Tensor fake) {
            // BEGIN SOLUTION task-6.4: the hinge: D's loss is mean relu(1 - r) over real scores plus mean relu(1 + f) over fake ones, G's minus the mean fake score (see tutorials/17-hinge-wasserstein.md)
            return fake.mean().neg();
            // END SOLUTION
        }

        @Override
        public double meanOutput(Tensor logits) {
            return logits.mean().item();
        }
    };

    /**
     * The discriminator's loss: binary cross-entropy with real labelled 1 − smoothing (one-sided
     * label smoothing; fakes keep label 0) and fakes labelled 0: softplus(−r) + softplus(f) when
     * smoothing is 0. d/dr = σ(r) − (1 − smoothing), d/df = σ(f).
     */
    public Tensor discriminator(Tensor real, Tensor fake, double smoothing) {
        if (smoothing < 0 || smoothing >= 1) {
            throw new IllegalArgumentException("label smoothing must be in [0, 1), got " + smoothing);
        }
        // BEGIN SOLUTION task-6.1: D's cross-entropy on logits: real scores against the label 1 - smoothing plus fake scores against 0 (see tutorials/13-minimax.md)
        return Losses.bceWithLogits(real, Tensor.onesLike(real).mul(1 - smoothing)).add(Losses.bceWithLogits(fake, Tensor.zerosLike(fake)));
        // END SOLUTION
    }

    /** The generator's loss on the discriminator's outputs for a fake batch. */
    public abstract Tensor generator(Tensor fake);

    /**
     * What the discriminator says of a batch, for the log: the mean probability of "real",
     * mean σ(logit), for the cross-entropy losses; the mean raw score for LSGAN and hinge,
     * whose outputs are not probabilities.
     */
    public double meanOutput(Tensor logits) {
        return logits.sigmoid().mean().item();
    }

    /** The command-line name: minimax, nonsaturating, lsgan, hinge. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The loss named on the command line, or an error listing the names. */
    public static GanLoss parse(String name) {
        for (GanLoss loss : values()) {
            if (loss.cliName().equals(name.toLowerCase(Locale.ROOT))) {
                return loss;
            }
        }
        throw new IllegalArgumentException("unknown GAN loss '" + name + "': use minimax, nonsaturating, lsgan or hinge");
    }
}
