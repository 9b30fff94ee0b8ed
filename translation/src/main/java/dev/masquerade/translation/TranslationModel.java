package dev.masquerade.translation;

import dev.masquerade.engine.Rng;
import dev.masquerade.nn.Initialisation;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.Module;
import dev.masquerade.nn.Choice;
import dev.masquerade.translation.models.Norm;
import dev.masquerade.translation.models.PatchDiscriminator;
import dev.masquerade.translation.models.ResnetGenerator;
import dev.masquerade.translation.models.UNet;
import dev.masquerade.nn.layers.Upsampling;
import dev.masquerade.translation.tasks.TranslationTask;
import java.util.List;

/** The three translators a run can train, by their command-line names. */
public enum TranslationModel {
    /** U-Net and conditional PatchGAN, cGAN + λ·L1. */
    PIX2PIX,
    /** The same U-Net with the L1 loss alone: the baseline pix2pix is measured against. */
    UNET_L1,
    /** Two ResNet generators and two PatchGANs, least squares + cycle + identity. */
    CYCLEGAN;

    /** The name on the command line: pix2pix, unet-l1, cyclegan. */
    public String cliName() {
        return Choice.cliName(this);
    }

    /** The model a command-line name gives. */
    public static TranslationModel parse(String name) {
        return Choice.parse(TranslationModel.class, name, "model");
    }

    /** Whether the model learns from aligned pairs. */
    public boolean needsPairs() {
        return this != CYCLEGAN;
    }

    /** How the networks are built: the task's sizes, with the choices of the command line. */
    public record Design(TranslationTask.Architecture architecture, Norm norm, Upsampling upsampling, int channels) {
    }

    /**
     * A run's networks under one module, so that one checkpoint holds them all: "generator" and
     * "discriminator" (none for unet-l1), or for CycleGAN "generator_ab", "generator_ba",
     * "discriminator_b" and "discriminator_a". Generators start as pix2pix starts them, N(0, 0.02).
     * The discriminators' first layer is twice as wide as the generators' (pix2pix and CycleGAN
     * make them equal, 64 and 64): our choice, for the narrow generators of the small tasks.
     */
    public static final class Networks extends Module {
        private final TranslationModel model;

        Networks(TranslationModel model, Design design, Rng rng) {
            this.model = model;
            int c = design.channels();
            TranslationTask.Architecture a = design.architecture();
            if (model == CYCLEGAN) {
                child("generator_ab", resnet(design, rng));
                child("generator_ba", resnet(design, rng));
                child("discriminator_b", PatchDiscriminator.of(c, 2 * a.width(), a.discriminatorLayers(), design.norm(), rng));
                child("discriminator_a", PatchDiscriminator.of(c, 2 * a.width(), a.discriminatorLayers(), design.norm(), rng));
            } else {
                Layer generator = new UNet(c, c, a.unetDepth(), a.width(), design.norm(), design.upsampling(), 0.5, a.residual(), rng);
                generator.initialise(Initialisation.PAPER, rng);
                child("generator", generator);
                if (model == PIX2PIX) {
                    child("discriminator", PatchDiscriminator.of(2 * c, 2 * a.width(), a.discriminatorLayers(), design.norm(), rng));
                }
            }
        }

        private static Layer resnet(Design design, Rng rng) {
            TranslationTask.Architecture a = design.architecture();
            Layer generator = new ResnetGenerator(design.channels(), design.channels(), a.width(), a.resnetBlocks(), design.norm(),
                    design.upsampling(), rng);
            generator.initialise(Initialisation.PAPER, rng);
            return generator;
        }

        /** The translator A → B. */
        public Layer forward() {
            return (Layer) children().get(model == CYCLEGAN ? "generator_ab" : "generator");
        }

        /** CycleGAN's translator B → A, or null. */
        public Layer backward() {
            return model == CYCLEGAN ? (Layer) children().get("generator_ba") : null;
        }

        /** A child network by name. */
        public Layer part(String name) {
            return (Layer) children().get(name);
        }

        /** The generators' names, then the discriminators'. */
        public List<String> generatorNames() {
            return model == CYCLEGAN ? List.of("generator_ab", "generator_ba") : List.of("generator");
        }

        /** The discriminators' names (none for unet-l1). */
        public List<String> discriminatorNames() {
            return switch (model) {
                case CYCLEGAN -> List.of("discriminator_b", "discriminator_a");
                case PIX2PIX -> List.of("discriminator");
                case UNET_L1 -> List.of();
            };
        }
    }

    /** This model's networks, drawn from rng. */
    public Networks build(Design design, Rng rng) {
        return new Networks(this, design, rng);
    }
}
