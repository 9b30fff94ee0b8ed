package dev.masquerade.translation.tasks;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Super-resolution ×4 on real photos (scikit-image's and OpenCV's sample photos, from Debian's
 * python3-skimage and opencv-doc): B is the photo, A the photo shrunk four times (each 4×4 block
 * averaged) and enlarged back by bicubic interpolation, so input and output have one size and
 * the generator only has to restore the detail that shrinking lost: its U-Net adds what it
 * predicts to its input (residual learning, as super-resolution networks since VDSR do), so it
 * starts from bicubic's answer instead of having to learn to copy the photo. Bicubic is the baseline:
 * the figures of the held-out photos ({@code held-out/}) are compared with bicubic's on the
 * same photos. Training uses random {@value #CROP}×{@value #CROP} crops of the photos in
 * {@code train/}. Tutorial: tutorials/24-conditional-gans.md.
 */
public final class SuperResolution extends DescribedTask {
    /** The factor of shrinking and enlarging. */
    public static final int FACTOR = 4;
    static final int CROP = 64;
    /** The side of the held-out photos' centre crops in the previews (smaller if a photo is). */
    private static final int PREVIEW = 128;
    private final List<Tensor> smallTrain = new ArrayList<>();
    private final List<Tensor> train = new ArrayList<>();
    private final List<Tensor> smallHeldOut = new ArrayList<>();
    private final List<Tensor> heldOut = new ArrayList<>();

    /** Reads the photos of {@code folder}/train and {@code folder}/held-out. */
    public SuperResolution(Path folder) throws IOException {
        super("superres", 3, CROP, true, new Architecture(6, 3, 32, 6, 8, true));
        for (Path photo : Photos.files(folder.resolve("train"), "superres")) {
            Tensor sharp = Photos.cut(Photos.read(photo, 0), FACTOR);
            train.add(sharp);
            smallTrain.add(enlarged(sharp));
        }
        for (Path photo : Photos.files(folder.resolve("held-out"), "superres")) {
            Tensor sharp = Photos.cut(Photos.read(photo, 0), 1 << architecture().unetDepth());
            heldOut.add(sharp);
            smallHeldOut.add(enlarged(sharp));
        }
        for (Tensor photo : train) {
            if (photo.size(2) < CROP || photo.size(3) < CROP) {
                throw new IOException("superres trains on " + CROP + "x" + CROP + " crops, but a photo in " + folder.resolve("train") + " is "
                        + photo.size(3) + "x" + photo.size(2) + "; use photos of at least " + CROP + " pixels a side");
            }
        }
    }

    /**
     * The photo as the task's input: shrunk {@value #FACTOR} times by averaging blocks and enlarged
     * back by bicubic interpolation (sides multiples of 4).
     */
    public static Tensor enlarged(Tensor photo) {
        try (var scope = NoGrad.enter()) {
            return photo.avgPool2d(FACTOR, FACTOR, 0).resizeBicubic(photo.size(2), photo.size(3)).clamp(-1, 1);
        }
    }

    @Override
    public Supplier<Batch> batches(int batchSize, boolean paired, Rng rng) {
        return () -> Photos.crops(smallTrain, train, batchSize, CROP, paired, rng);
    }

    @Override
    public Batch previews() {
        int side = PREVIEW;
        for (Tensor photo : heldOut) {
            side = Math.min(side, Math.min(photo.size(2), photo.size(3)));
        }
        List<Tensor> a = new ArrayList<>(), b = new ArrayList<>();
        for (int i = 0; i < heldOut.size(); i++) {
            a.add(centre(smallHeldOut.get(i), side));
            b.add(centre(heldOut.get(i), side));
        }
        return new Batch(Tensor.concat(a, 0).to(Device.defaultDevice()), Tensor.concat(b, 0).to(Device.defaultDevice()));
    }

    /** Every whole training-sized tile of the held-out photos, blurred and sharp. */
    @Override
    public Batch heldOut() {
        return Photos.tiles(smallHeldOut, heldOut, CROP);
    }

    private static Tensor centre(Tensor photo, int side) {
        return photo.narrow(2, (photo.size(2) - side) / 2, side).narrow(3, (photo.size(3) - side) / 2, side);
    }

    /** Each held-out photo whole; the figures are means over the photos. */
    @Override
    public Map<String, Object> evaluate(UnaryOperator<Tensor> forward, UnaryOperator<Tensor> backward) {
        Map<String, Double> sums = new LinkedHashMap<>();
        for (int i = 0; i < heldOut.size(); i++) {
            Tensor truth = DayToNight.unit(heldOut.get(i).to(Device.defaultDevice()));
            Tensor input = smallHeldOut.get(i).to(Device.defaultDevice());
            add(sums, PictureMetrics.compare(DayToNight.unit(forward.apply(input)), truth, ""));
            add(sums, PictureMetrics.compare(DayToNight.unit(input), truth, "baseline_"));
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        sums.forEach((name, sum) -> metrics.put(name, sum / heldOut.size()));
        metrics.put("held_out_photos", heldOut.size());
        return metrics;
    }

    private static void add(Map<String, Double> sums, Map<String, Object> values) {
        values.forEach((name, value) -> sums.merge(name, ((Number) value).doubleValue(), Double::sum));
    }

    /** A small photo file as an input: enlarged {@value #FACTOR} times by bicubic interpolation, in [−1, 1]; the generator restores the detail. */
    public static Tensor input(Path picture) throws IOException {
        Tensor small = Photos.read(picture, 0);
        try (var scope = NoGrad.enter()) {
            return small.resizeBicubic(small.size(2) * FACTOR, small.size(3) * FACTOR).clamp(-1, 1);
        }
    }
}
