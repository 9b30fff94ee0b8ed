package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.gan.GanLoss;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chapter 14's derivation, checked: autograd, central differences and the closed forms agree. */
class NonSaturatingChapterTest {
    private static double loss(GanLoss loss, double logit) {
        return loss.generator(Tensor.of(new double[] {logit}, DType.F64, Device.CPU, 1, 1)).item();
    }

    @Test
    void autogradCentralDifferencesAndTheKeyResultAgree() {
        for (double d : new double[] {0.001, 0.01, 0.1, 0.5, 0.9, 0.99}) {
            double f = Math.log(d / (1 - d)), h = 1e-6;
            for (GanLoss loss : new GanLoss[] {GanLoss.MINIMAX, GanLoss.NONSATURATING}) {
                double numeric = (loss(loss, f + h) - loss(loss, f - h)) / (2 * h);
                double autograd = NonSaturatingChapter.generatorGradient(loss, d);
                double closedForm = loss == GanLoss.MINIMAX ? -d : -(1 - d);
                assertEquals(closedForm, autograd, 1e-12, loss + " at D = " + d);
                assertEquals(closedForm, numeric, 1e-8, loss + " at D = " + d + " by central differences");
            }
        }
    }

    @Test
    void theFigureIsDrawn(@TempDir Path folder) throws IOException {
        Path png = new NonSaturatingChapter().writeFigures(folder).get(0);
        assertTrue(Files.size(png) > 5000, "a plot, not an empty file");
    }
}
