package dev.masquerade.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.layers.BatchNorm;
import dev.masquerade.nn.layers.Conv2d;
import dev.masquerade.nn.layers.ConvTranspose2d;
import dev.masquerade.nn.layers.Linear;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A whole model initialised at once: each scheme gives every weight the moments it promises
 * (PyTorch's fans, a transposed convolution's included), biases and batch-norm shifts 0,
 * batch-norm scales N(1, σ); the default changes nothing; children are reached.
 */
class InitialisationTest {

    /** A model with every kind of layer the schemes touch, large enough for moments. */
    private static Sequential model() {
        Rng rng = new Rng(29);
        return new Sequential(new Conv2d(16, 64, 5, 1, 2, rng), new BatchNorm(4000), new ConvTranspose2d(8, 32, 4, 2, 1, rng),
                new Linear(400, 300, rng));
    }

    private static double std(Tensor t) {
        return Math.sqrt(t.var(new int[0], false).item());
    }

    private static Map<String, Parameter> parameters(Module m) {
        return m.namedParameters();
    }

    @Test
    @Tag("task-4.6")
    void thePapersSchemeDrawsWeightsFromNZeroTwoHundredthsAndZeroesTheBiases() {
        Sequential model = model();
        assertSame(model, model.initialise(Initialisation.PAPER, new Rng(1)));
        for (Map.Entry<String, Parameter> p : parameters(model).entrySet()) {
            Tensor value = p.getValue().value();
            if (p.getKey().startsWith("1.")) {
                continue;
            }
            if (p.getKey().endsWith("weight")) {
                assertEquals(0, value.mean().item(), 0.001, p.getKey());
                assertEquals(0.02, std(value), 0.001, p.getKey());
            } else {
                assertEquals(0, value.abs().max().item(), 0, p.getKey() + " is zero");
            }
        }
        Tensor scale = parameters(model).get("1.weight").value();
        assertEquals(1, scale.mean().item(), 0.002, "batch-norm scales around 1");
        assertEquals(0.02, std(scale), 0.002);
        assertEquals(0, parameters(model).get("1.bias").value().abs().max().item(), 0);
    }

    @Test
    @Tag("task-4.6")
    void kaimingAndXavierUsePyTorchsFansATransposedConvolutionsToo() {
        Sequential model = model();
        model.initialise(Initialisation.kaimingNormal(1), new Rng(2));
        // conv [64, 16, 5, 5]: fan-in 16·25; transposed [8, 32, 4, 4]: fan-in 32·16; linear [300, 400]: fan-in 400
        assertEquals(1 / Math.sqrt(400), std(parameters(model).get("0.weight").value()), 0.05 / Math.sqrt(400));
        assertEquals(1 / Math.sqrt(512), std(parameters(model).get("2.weight").value()), 0.05 / Math.sqrt(512));
        assertEquals(1 / Math.sqrt(400), std(parameters(model).get("3.weight").value()), 0.05 / Math.sqrt(400));
        assertEquals(1, parameters(model).get("1.weight").value().mean().item(), 0, "Kaiming leaves batch-norm scales at 1");
        model.initialise(Initialisation.xavierUniform(2), new Rng(3));
        double bound = 2 * Math.sqrt(6.0 / (400 + 300));
        Tensor linear = parameters(model).get("3.weight").value();
        assertTrue(linear.abs().max().item() <= bound);
        assertEquals(bound / Math.sqrt(3), std(linear), bound * 0.03);
        model.initialise(Initialisation.xavierNormal(1), new Rng(4));
        assertEquals(Math.sqrt(2.0 / 700), std(parameters(model).get("3.weight").value()), 0.03 * Math.sqrt(2.0 / 700));
        model.initialise(Initialisation.kaimingUniform(Init.reluGain()), new Rng(5));
        assertEquals(Math.sqrt(2.0 / 400), std(parameters(model).get("3.weight").value()), 0.03 * Math.sqrt(2.0 / 400));
    }

    @Test
    @Tag("task-4.6")
    void theDefaultKeepsTheLayersOwnWeightsAndZerosAndOnesAreWhatTheySay() {
        Sequential model = model();
        float[] before = parameters(model).get("0.weight").value().toFloatArray();
        model.initialise(Initialisation.DEFAULT, new Rng(6));
        assertArrayEquals(before, parameters(model).get("0.weight").value().toFloatArray(), 0f);
        model.initialise(Initialisation.ONES, new Rng(7));
        assertEquals(1, parameters(model).get("3.weight").value().mean().item(), 0);
        model.initialise(Initialisation.ZEROS, new Rng(8));
        assertEquals(0, parameters(model).get("3.weight").value().abs().max().item(), 0);
    }

    @Test
    void initNamesTheTwoChoices() {
        assertSame(Initialisation.PAPER, Initialisation.parse("paper"));
        assertSame(Initialisation.DEFAULT, Initialisation.parse("DEFAULT"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Initialisation.parse("xavier")).getMessage().startsWith("--init must be default"));
    }
}
