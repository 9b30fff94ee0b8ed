package dev.masquerade.translation;

import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.io.Checkpoint;
import dev.masquerade.nn.io.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs of one task side by side, for looking rather than reading: from each run's latest
 * preview, a row of the held-out inputs, a row of each run's outputs in the order given (for a
 * CycleGAN run, and a row of those outputs translated back), and a row of the truths (for an
 * unpaired task, held-out pictures of the other kind), each picture enlarged by a whole factor
 * so that small ones can be seen.
 */
public final class RunComparison {
    private RunComparison() {
    }

    /** Writes the comparison of {@code runs} (run folders) to {@code png}; returns the number of examples (rows). */
    public static int write(List<Path> runs, Path png, int scale) throws IOException {
        if (runs.isEmpty() || scale < 1) {
            throw new IllegalArgumentException("compare: needs at least one run folder and a scale of at least 1");
        }
        String task = null;
        List<List<Tensor>> outputs = new ArrayList<>();
        List<Tensor> inputs = null, truths = null;
        for (Path run : runs) {
            Path checkpoint = run.resolve(TranslationRun.CHECKPOINT);
            if (!Files.exists(checkpoint)) {
                throw new IOException(run + " is not a translation run (it has no " + TranslationRun.CHECKPOINT + ")");
            }
            Map<String, Object> config = Checkpoint.load(checkpoint).config();
            if (task != null && !task.equals(config.get("task"))) {
                throw new IllegalArgumentException("compare: " + run + " is a run of " + config.get("task") + ", the runs before it of " + task
                        + "; compare runs of one task");
            }
            task = String.valueOf(config.get("task"));
            int columns = "cyclegan".equals(config.get("model")) ? 4 : 3;
            List<List<Tensor>> cells = cells(latestPreview(run), columns);
            inputs = cells.get(0);
            truths = cells.get(2);
            outputs.add(cells.get(1));
            if (columns == 4) { // CycleGAN's way back
                outputs.add(cells.get(3));
            }
        }
        List<Tensor> grid = new ArrayList<>(inputs);
        outputs.forEach(grid::addAll);
        grid.addAll(truths);
        Tensor batch = Tensor.concat(grid, 0).upsampleNearest(scale);
        Images.writePng(Images.grid(batch, inputs.size(), 2), png);
        return inputs.size();
    }

    /** The preview of the highest step in a run folder. */
    static Path latestPreview(Path run) throws IOException {
        try (Stream<Path> files = Files.list(run)) {
            return files.filter(f -> f.getFileName().toString().matches("preview_step_\\d+\\.png")).max(Path::compareTo)
                    .orElseThrow(() -> new IOException(run + " has no preview_step_NNNNNN.png"));
        }
    }

    /** A preview's cells [1, 3, s, s], column by column (input, output, truth, …), each column top to bottom. */
    private static List<List<Tensor>> cells(Path preview, int columns) throws IOException {
        Tensor picture = Images.read(preview, 3, 0);
        int side = (picture.size(2) - 2) / columns - 2; // the grid's layout: cells of side s with 2 pixels around each
        int rows = (picture.size(1) - 2) / (side + 2);
        List<List<Tensor>> cells = new ArrayList<>();
        for (int column = 0; column < columns; column++) {
            List<Tensor> cellsOfColumn = new ArrayList<>();
            for (int row = 0; row < rows; row++) {
                cellsOfColumn.add(picture.narrow(1, 2 + row * (side + 2), side).narrow(2, 2 + column * (side + 2), side).unsqueeze(0));
            }
            cells.add(cellsOfColumn);
        }
        return cells;
    }
}
