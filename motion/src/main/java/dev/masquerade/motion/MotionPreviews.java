package dev.masquerade.motion;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.motion.model.MotionModel;
import dev.masquerade.nn.io.Images;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A picture of what the motion model does, one row per example: the source, the driving
 * frame, the prediction, the source moved by the dense motion alone (what the generator starts
 * from), and the occlusion map (white: the source supplies the pixel; dark: the generator must
 * paint it).
 */
final class MotionPreviews {
    private MotionPreviews() {
    }

    static void write(MotionModel model, Tensor source, Tensor driving, Path png) throws IOException {
        try (var scope = NoGrad.enter(); var evaluating = model.evaluating()) {
            MotionModel.Animation a = model.animate(source, driving);
            int n = source.size(0), h = source.size(2), w = source.size(3);
            Tensor moved = source.gridSample(a.motion().deformationAt(h, w));
            Tensor occlusion = a.motion().occlusionAt(h, w).expand(n, 3, h, w);
            List<Tensor> tiles = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (Tensor column : List.of(source, driving, a.prediction(), moved, occlusion)) {
                    tiles.add(column.narrow(0, i, 1));
                }
            }
            Images.writeGrid(Tensor.concat(tiles, 0).clamp(0, 1), 5, png);
        }
    }
}
