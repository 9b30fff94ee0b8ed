package dev.masquerade.detection.sources;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.translation.TranslationRun;
import dev.masquerade.translation.tasks.TranslationTask;
import dev.masquerade.translation.tasks.TranslationTasks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The pictures of a 'masquerade translate train' run: as fakes, its generator's translations of
 * the task's inputs; as real pictures, the task's own B pictures (the truths of the inputs, or
 * independent ones where the task has no pairs). Training pictures come from the task's training
 * data, held-out ones from its held-out pictures (Fashion-MNIST's test items for edges2fashion
 * and sneakers2sandals; 64×64 tiles of the few held-out photos for the photo tasks).
 */
final class TranslationRunPictures implements PictureSource {
    private static final int BATCH = 64;
    private final Path folder;
    private final Kind kind;
    private final Path fashionMnist;
    private final Path judge;

    /** The Fashion-MNIST tasks are made with Fashion-MNIST from {@code fashionMnist} and the judge in {@code judge} (trained there when missing). */
    TranslationRunPictures(Path folder, Kind kind, Path fashionMnist, Path judge) {
        this.folder = folder;
        this.kind = kind;
        this.fashionMnist = fashionMnist;
        this.judge = judge;
    }

    @Override
    public List<Tensor> pictures(Split split, int count) throws IOException {
        TranslationRun.Trained trained = TranslationRun.load(folder.resolve(TranslationRun.CHECKPOINT));
        TranslationTask task = TranslationTasks.create(trained.task(),
                new TranslationTasks.Sources(fashionMnist, judge, null, count, false));
        TranslationTask.Batch pairs = split == Split.TRAINING ? task.batches(count, task.hasPairs(), new Rng(1)).get() : task.heldOut();
        Tensor chosen = kind == Kind.REAL ? pairs.b() : pairs.a();
        chosen = chosen.narrow(0, 0, Math.min(count, chosen.size(0)));
        UnaryOperator<Tensor> translator = TranslationRun.translator(trained.networks().forward());
        List<Tensor> pictures = new ArrayList<>();
        for (int start = 0; start < chosen.size(0); start += BATCH) {
            Tensor batch = chosen.narrow(0, start, Math.min(BATCH, chosen.size(0) - start));
            Tensor made = kind == Kind.REAL ? batch : translator.apply(batch);
            for (int i = 0; i < made.size(0); i++) {
                pictures.add(PictureSource.quantised(TranslationTasks.picture(trained.task(), made.narrow(0, i, 1))));
            }
        }
        return pictures;
    }

    @Override
    public String description() {
        return folder.toAbsolutePath().normalize().getFileName() + (kind == Kind.REAL ? " (real B pictures)" : " (translations)");
    }
}
