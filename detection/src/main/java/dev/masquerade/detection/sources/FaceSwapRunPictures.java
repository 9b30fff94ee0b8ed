package dev.masquerade.detection.sources;

import dev.masquerade.autoencoder.FaceSet;
import dev.masquerade.autoencoder.FaceSwapConfig;
import dev.masquerade.autoencoder.FaceSwapModel;
import dev.masquerade.autoencoder.FaceSwapTrainer;
import dev.masquerade.autoencoder.FaceSwapper;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.io.Checkpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The faces of a 'masquerade faceswap train' run: as fakes, person A's faces swapped into person
 * B; as real pictures, person B's own faces. For the built-in synthetic persons the held-out
 * faces are the run's held-out pairs, where B is drawn with A's pose and expression, so each
 * fake has a real twin; for two folders of faces, the last fifth of each folder by name.
 */
final class FaceSwapRunPictures implements PictureSource {
    private static final int BATCH = 32;
    private final Path folder;
    private final Kind kind;

    FaceSwapRunPictures(Path folder, Kind kind) {
        this.folder = folder;
        this.kind = kind;
    }

    @Override
    public List<Tensor> pictures(Split split, int count) throws IOException {
        Path checkpoint = folder.resolve(FaceSwapTrainer.CHECKPOINT);
        Map<String, Object> config = Checkpoint.load(checkpoint).config();
        FaceSwapModel model = kind == Kind.REAL ? null : FaceSwapper.load(checkpoint, Device.CPU); // real faces need no model
        Tensor faces = faces(config, FaceSwapConfig.fromMap(config, checkpoint.toString()).size(), split, kind == Kind.REAL ? "b" : "a");
        faces = faces.narrow(0, 0, Math.min(count, faces.size(0)));
        List<Tensor> pictures = new ArrayList<>();
        try (var scope = NoGrad.enter()) {
            for (int start = 0; start < faces.size(0); start += BATCH) {
                Tensor batch = faces.narrow(0, start, Math.min(BATCH, faces.size(0) - start));
                Tensor made = kind == Kind.REAL ? batch : model.swap(FaceSwapModel.Side.B, batch);
                for (int i = 0; i < made.size(0); i++) {
                    pictures.add(PictureSource.quantised(made.narrow(0, i, 1).reshape(made.size(1), made.size(2), made.size(3))));
                }
            }
        }
        return pictures;
    }

    /** Person {@code person}'s faces of a split, [N, 3, size, size] in [0, 1], found again from the checkpoint's record of its data. */
    private Tensor faces(Map<String, Object> config, int size, Split split, String person) throws IOException {
        if (!(config.get("data") instanceof Map<?, ?> data)) {
            throw new IOException(folder + " was trained before face swap runs recorded their faces; swap a folder of A's faces with "
                    + "'masquerade faceswap swap' and pass that folder and B's folder instead");
        }
        if (data.containsKey("synthetic_count")) {
            FaceSwapTrainer.Data synthetic = FaceSwapTrainer.Data.synthetic(number(data, "synthetic_count"), number(data, "held_out"), size,
                    ((Number) data.get("seed")).longValue());
            FaceSet set = split == Split.TRAINING ? (person.equals("a") ? synthetic.a() : synthetic.b())
                    : (person.equals("a") ? synthetic.heldOut().a() : synthetic.heldOut().b());
            return set.images();
        }
        Tensor all = FaceSet.fromFolder(Path.of(String.valueOf(data.get(person))), size).images();
        int training = all.size(0) - all.size(0) / 5;
        return split == Split.TRAINING ? all.narrow(0, 0, training) : all.narrow(0, training, all.size(0) - training);
    }

    private static int number(Map<?, ?> data, String key) {
        return ((Number) data.get(key)).intValue();
    }

    @Override
    public String description() {
        return folder.toAbsolutePath().normalize().getFileName() + (kind == Kind.REAL ? " (real B faces)" : " (A swapped to B)");
    }
}
