package dev.masquerade.translation;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.io.Images;
import dev.masquerade.translation.tasks.TranslationTask;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The picture a run draws every few steps: one row per held-out example, in columns the input,
 * the translator's output and the truth (for an unpaired task, a held-out picture of the other
 * kind instead), and for CycleGAN a fourth column, the input after the way there and back.
 */
final class Previews {
    private Previews() {
    }

    static void write(TranslationModel.Networks networks, TranslationTask.Batch examples, Path file) throws IOException {
        Tensor outputs = TranslationRun.translator(networks.forward()).apply(examples.a());
        List<Tensor> columns = new ArrayList<>(List.of(examples.a(), outputs, examples.b()));
        if (networks.backward() != null) {
            columns.add(TranslationRun.translator(networks.backward()).apply(outputs));
        }
        int n = examples.a().size(0);
        List<Tensor> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (Tensor column : columns) {
                cells.add(column.narrow(0, i, 1));
            }
        }
        Tensor batch = Tensor.concat(cells, 0).add(1).mul(0.5).clamp(0, 1).to(Device.CPU);
        Images.writePng(Images.grid(batch, columns.size(), 2), file);
    }
}
