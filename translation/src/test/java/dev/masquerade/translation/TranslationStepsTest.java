package dev.masquerade.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.Parameter;
import dev.masquerade.nn.loss.Losses;
import dev.masquerade.nn.optim.Adam;
import dev.masquerade.translation.models.Norm;
import dev.masquerade.translation.models.PatchDiscriminator;
import dev.masquerade.translation.models.ResnetGenerator;
import dev.masquerade.translation.models.UNet;
import dev.masquerade.nn.layers.Upsampling;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The pix2pix and CycleGAN steps compute the losses the papers give, and learn. */
class TranslationStepsTest {
    private final Rng rng = new Rng(11);

    private UNet unet() {
        return new UNet(1, 1, 2, 4, Norm.INSTANCE, Upsampling.TRANSPOSED, 0, false, rng);
    }

    @Test
    void theObjectivesAreWeightedAsTheReferenceImplementationWeightsThem() {
        Tensor real = Tensor.of(new double[] {0.3, -1.2}, 2), fake = Tensor.of(new double[] {-0.4, 0.9}, 2);
        double bce = Losses.bceWithLogits(real, Tensor.onesLike(real)).item() + Losses.bceWithLogits(fake, Tensor.zerosLike(fake)).item();
        assertEquals(0.5 * bce, Objective.VANILLA.discriminator(real, fake).item(), 1e-6);
        assertEquals(Losses.bceWithLogits(fake, Tensor.onesLike(fake)).item(), Objective.VANILLA.generator(fake).item(), 1e-6);
        double mse = Losses.mse(real, Tensor.onesLike(real)).item() + Losses.mse(fake, Tensor.zerosLike(fake)).item();
        assertEquals(0.5 * mse, Objective.LSGAN.discriminator(real, fake).item(), 1e-6);
        assertEquals(Losses.mse(fake, Tensor.onesLike(fake)).item(), Objective.LSGAN.generator(fake).item(), 1e-6);
    }

    @Test
    @Tag("task-9.3")
    void pix2pixsDiscriminatorJudgesPicturesBesideTheirInputs() {
        UNet generator = unet();
        Layer discriminator = PatchDiscriminator.of(2, 4, 1, Norm.INSTANCE, rng);
        Tensor x = Tensor.randn(rng, 2, 1, 16, 16), y = x.neg().tanh();
        double expectedLoss, expectedReal;
        try (var scope = NoGrad.enter(); var evaluating = generator.evaluating()) {
            Tensor realScores = discriminator.forward(Pix2Pix.pair(x, y));
            Tensor fakeScores = discriminator.forward(Pix2Pix.pair(x, generator.forward(x)));
            expectedLoss = Objective.VANILLA.discriminator(realScores, fakeScores).item();
            expectedReal = Objective.VANILLA.meanOutput(realScores);
        }
        Adam d = new Adam(discriminator.parameters(), 1e-3, 0.5, 0.999);
        Pix2Pix.StepReport report = new Pix2Pix(generator, discriminator, new Adam(generator.parameters(), 1e-3, 0.5, 0.999), d,
                Objective.VANILLA, 100).step(x, y);
        assertEquals(expectedLoss, report.discriminatorLoss(), 1e-5);
        assertEquals(expectedReal, report.dReal(), 1e-5);
        assertTrue(report.dFake() > 0 && report.dFake() < 1);
    }

    @Test
    @Tag("task-9.3")
    void pix2pixLearnsAMappingFromPairs() {
        UNet generator = unet();
        Layer discriminator = PatchDiscriminator.of(2, 4, 1, Norm.INSTANCE, rng);
        Pix2Pix pix2pix = new Pix2Pix(generator, discriminator, new Adam(generator.parameters(), 2e-3, 0.5, 0.999),
                new Adam(discriminator.parameters(), 2e-3, 0.5, 0.999), Objective.VANILLA, 100);
        Tensor x = Tensor.randn(rng, 4, 1, 16, 16).tanh(), y = x.neg(); // the negative picture
        double first = pix2pix.step(x, y).l1(), last = first;
        for (int i = 0; i < 100; i++) {
            last = pix2pix.step(x, y).l1();
        }
        assertTrue(last < 0.5 * first, "L1 to the truth from " + first + " to " + last);
    }

    @Test
    void theL1OnlyBaselineHasNoDiscriminator() {
        UNet generator = unet();
        Pix2Pix baseline = new Pix2Pix(generator, null, new Adam(generator.parameters(), 1e-3, 0.5, 0.999), null, Objective.VANILLA, 100);
        Tensor x = Tensor.randn(rng, 2, 1, 16, 16);
        double before;
        try (var scope = NoGrad.enter()) {
            before = Losses.l1(generator.forward(x), x).item();
        }
        Pix2Pix.StepReport report = baseline.step(x, x);
        assertEquals(before, report.l1(), 1e-6);
        assertEquals(100 * before, report.generatorLoss(100), 1e-4);
        assertEquals(0, report.discriminatorLoss());
    }

    @Test
    @Tag("task-9.5")
    void cycleGansGeneratorLossHoldsTheCycleAndIdentityTerms() {
        CycleGan.Networks n = new CycleGan.Networks(resnet(), resnet(), PatchDiscriminator.of(1, 4, 1, Norm.INSTANCE, rng),
                PatchDiscriminator.of(1, 4, 1, Norm.INSTANCE, rng));
        Tensor a = Tensor.randn(rng, 2, 1, 16, 16).tanh(), b = Tensor.randn(rng, 2, 1, 16, 16).tanh();
        double adversarial, cycle, identity;
        try (var scope = NoGrad.enter()) {
            Tensor fakeB = n.aToB().forward(a), fakeA = n.bToA().forward(b);
            adversarial = Objective.LSGAN.generator(n.discriminatorB().forward(fakeB)).item()
                    + Objective.LSGAN.generator(n.discriminatorA().forward(fakeA)).item();
            cycle = Losses.l1(n.bToA().forward(fakeB), a).item() + Losses.l1(n.aToB().forward(fakeA), b).item();
            identity = Losses.l1(n.aToB().forward(b), b).item() + Losses.l1(n.bToA().forward(a), a).item();
        }
        CycleGan.StepReport report = cycleGan(n, 0.5).step(a, b);
        assertEquals(adversarial, report.adversarial(), 1e-5);
        assertEquals(cycle, report.cycle(), 1e-5);
        assertEquals(identity, report.identity(), 1e-5);
        assertEquals(0, cycleGan(n, 0).step(a, b).identity(), "no identity terms when their weight is 0");
    }

    @Test
    @Tag("task-9.5")
    void cycleGanLearnsToGiveItsInputBack() {
        CycleGan.Networks n = new CycleGan.Networks(resnet(), resnet(), PatchDiscriminator.of(1, 4, 1, Norm.INSTANCE, rng),
                PatchDiscriminator.of(1, 4, 1, Norm.INSTANCE, rng));
        CycleGan cycleGan = cycleGan(n, 0.5);
        Tensor a = Tensor.randn(rng, 4, 1, 16, 16).tanh(), b = Tensor.randn(rng, 4, 1, 16, 16).tanh();
        double first = cycleGan.step(a, b).cycle(), last = first;
        for (int i = 0; i < 40; i++) {
            last = cycleGan.step(a, b).cycle();
        }
        assertTrue(last < 0.6 * first, "cycle L1 from " + first + " to " + last);
    }

    private ResnetGenerator resnet() {
        return new ResnetGenerator(1, 1, 4, 1, Norm.INSTANCE, Upsampling.TRANSPOSED, rng);
    }

    private CycleGan cycleGan(CycleGan.Networks n, double identity) {
        List<Parameter> generators = new ArrayList<>(n.aToB().parameters());
        generators.addAll(n.bToA().parameters());
        List<Parameter> discriminators = new ArrayList<>(n.discriminatorB().parameters());
        discriminators.addAll(n.discriminatorA().parameters());
        return new CycleGan(n, new Adam(generators, 2e-3, 0.5, 0.999), new Adam(discriminators, 2e-3, 0.5, 0.999), Objective.LSGAN,
                CycleGan.LAMBDA_CYCLE, identity, new HistoryBuffer(4, rng.split()), new HistoryBuffer(4, rng.split()));
    }
}
