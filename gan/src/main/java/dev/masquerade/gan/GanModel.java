package dev.masquerade.gan;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.gan.models.Dcgan28;
import dev.masquerade.gan.models.RingMlp;
import dev.masquerade.gan.ring.Ring;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.io.Images;
import dev.masquerade.nn.layers.Upsampling;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The pair of networks for each kind of data, and how their samples are drawn. */
public enum GanModel {
    /** DCGAN-28 (see {@link Dcgan28}); samples drawn as a grid of images. */
    FASHION_MNIST(Dcgan28.NOISE, 64, Dcgan28::generator, Dcgan28::discriminator) {
        @Override
        public void draw(Tensor samples, String caption, Path png) throws IOException {
            Images.writeGrid(samples.add(1).mul(0.5), (int) Math.ceil(Math.sqrt(samples.size(0))), png); // tanh's [−1, 1] to [0, 1]
        }
    },
    /** The MLPs of the 2-d ring (see {@link RingMlp}); samples drawn as red points over the grey real ones. */
    RING(RingMlp.NOISE, 1000, (rng, upsampling) -> RingMlp.generator(rng), RingMlp::discriminator) {
        @Override
        public void draw(Tensor samples, String caption, Path png) throws IOException {
            GanPlots.writeScatter(Ring.sample(new Rng(1), samples.size(0)), samples, "ring of 8 Gaussians, " + caption, png);
        }
    };

    private final int noiseSize;
    private final int samplesPerPicture;
    private final BiFunction<Rng, Upsampling, ? extends Layer> generator;
    private final Function<Rng, ? extends Layer> discriminator;

    GanModel(int noiseSize, int samplesPerPicture, BiFunction<Rng, Upsampling, ? extends Layer> generator,
            Function<Rng, ? extends Layer> discriminator) {
        this.noiseSize = noiseSize;
        this.samplesPerPicture = samplesPerPicture;
        this.generator = generator;
        this.discriminator = discriminator;
    }

    /** A fresh generator: noise [N, noiseSize()] → samples. */
    public Layer generator(Rng rng) {
        return generator(rng, Upsampling.TRANSPOSED);
    }

    /** A fresh generator that upsamples the given way (DCGAN-28 only: the ring's MLPs do not upsample). */
    public Layer generator(Rng rng, Upsampling upsampling) {
        if (this == RING && upsampling != Upsampling.TRANSPOSED) {
            throw new IllegalArgumentException("--upsampling " + upsampling.cliName() + " applies to fashion-mnist's DCGAN-28; the ring's"
                    + " MLPs do not upsample");
        }
        return generator.apply(rng, upsampling);
    }

    /** A fresh discriminator: samples → one logit each [N, 1]. */
    public Layer discriminator(Rng rng) {
        return discriminator.apply(rng);
    }

    /** Draws samples into a PNG; the caption says when ("epoch 3"). */
    public abstract void draw(Tensor samples, String caption, Path png) throws IOException;

    /** Length of a noise vector. */
    public int noiseSize() {
        return noiseSize;
    }

    /** How many samples the picture of each epoch shows. */
    public int samplesPerPicture() {
        return samplesPerPicture;
    }

    /** The name on the command line and in checkpoints: fashion-mnist, ring. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The model named on the command line or in a checkpoint, or an error listing the names. */
    public static GanModel parse(String name) {
        for (GanModel model : values()) {
            if (model.cliName().equals(name)) {
                return model;
            }
        }
        throw new IllegalArgumentException("unknown GAN dataset '" + name + "': use fashion-mnist or ring");
    }
}
