package dev.masquerade.translation.models;

import dev.masquerade.nn.Choice;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.layers.BatchNorm;
import dev.masquerade.nn.layers.InstanceNorm;

/**
 * The normalisation layer of the translation networks. pix2pix uses batch normalisation with
 * a batch of one picture, which is instance normalisation in all but name; CycleGAN uses
 * instance normalisation. With larger batches the two differ: batch statistics mix pictures,
 * and in evaluation batch normalisation switches to running estimates.
 */
public enum Norm {
    /** Batch normalisation (learned scale and shift, running estimates for evaluation). */
    BATCH,
    /** Instance normalisation without scale and shift, as PyTorch's InstanceNorm2d by default. */
    INSTANCE;

    /** A normalisation layer of this kind over {@code channels} channels. */
    public Layer layer(int channels) {
        return this == BATCH ? new BatchNorm(channels) : new InstanceNorm(channels, false);
    }

    /** The name on the command line. */
    public String cliName() {
        return Choice.cliName(this);
    }

    /** The kind a command-line name gives: batch, instance. */
    public static Norm parse(String name) {
        return Choice.parse(Norm.class, name, "normalisation");
    }
}
