package dev.masquerade.translation.tasks;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Day → night on GNOME's wallpapers: Debian's gnome-backgrounds ships each of its WebP
 * wallpapers twice, light ({@code NAME-l.webp}) and dark ({@code NAME-d.webp}), drawn the same,
 * so every light picture has its aligned dark truth. The pictures are read at
 * {@value #SIDE}×{@value #SIDE}; training uses random {@value #CROP}×{@value #CROP} crops (and
 * mirror images) of all pairs but {@value #HELD_OUT}, which is held out and translated whole.
 * Its figures compare the output with the true dark picture, beside the identity's (the light
 * picture itself). Tutorial: tutorials/24-conditional-gans.md.
 */
public final class DayToNight extends DescribedTask {
    /** The pair held out of training. */
    public static final String HELD_OUT = "truchet";
    static final int SIDE = 256;
    static final int CROP = 64;
    private final List<Tensor> days = new ArrayList<>();
    private final List<Tensor> nights = new ArrayList<>();
    private final Tensor heldOutDay;
    private final Tensor heldOutNight;

    /** Reads the pairs in {@code folder} ({@code NAME-l.webp} beside {@code NAME-d.webp}). */
    public DayToNight(Path folder) throws IOException {
        super("day2night", 3, CROP, true, new Architecture(6, 3, 32, 6, 8, false));
        Tensor day = null, night = null;
        for (Path light : Photos.files(folder, "day2night")) {
            String name = light.getFileName().toString();
            Path dark = light.resolveSibling(name.replace("-l.", "-d."));
            if (!name.contains("-l.") || !Files.exists(dark)) {
                continue;
            }
            Tensor lightPicture = Photos.read(light, SIDE), darkPicture = Photos.read(dark, SIDE);
            if (name.startsWith(HELD_OUT + "-")) {
                day = lightPicture;
                night = darkPicture;
            } else {
                days.add(lightPicture);
                nights.add(darkPicture);
            }
        }
        if (day == null || days.isEmpty()) {
            throw new IOException("day2night needs gnome-backgrounds' light/dark pairs (NAME-l.webp and NAME-d.webp, " + HELD_OUT
                    + " among them) in " + folder + ": run " + Photos.FETCH + ", or pass --pictures DIR");
        }
        this.heldOutDay = day;
        this.heldOutNight = night;
    }

    /** How many pairs train (the held-out one aside). */
    public int trainingPairs() {
        return days.size();
    }

    @Override
    public Supplier<Batch> batches(int batchSize, boolean paired, Rng rng) {
        return () -> Photos.crops(days, nights, batchSize, CROP, paired, rng);
    }

    @Override
    public Batch previews() {
        return new Batch(heldOutDay.to(Device.defaultDevice()), heldOutNight.to(Device.defaultDevice()));
    }

    /** The held-out pair's sixteen training-sized tiles, light and dark. */
    @Override
    public Batch heldOut() {
        return Photos.tiles(List.of(heldOutDay), List.of(heldOutNight), CROP);
    }

    @Override
    public Map<String, Object> evaluate(UnaryOperator<Tensor> forward, UnaryOperator<Tensor> backward) {
        Batch held = previews();
        Tensor output = forward.apply(held.a());
        Map<String, Object> metrics = new LinkedHashMap<>(PictureMetrics.compare(unit(output), unit(held.b()), ""));
        metrics.putAll(PictureMetrics.compare(unit(held.a()), unit(held.b()), "baseline_"));
        if (backward != null) {
            metrics.put("cycle_ssim", PictureMetrics.compare(unit(backward.apply(output)), unit(held.a()), "").get("ssim"));
        }
        metrics.put("held_out", HELD_OUT);
        return metrics;
    }

    static Tensor unit(Tensor picture) {
        return picture.add(1).mul(0.5).clamp(0, 1);
    }

    /** A picture file as an input: scaled to 256×256, as the wallpapers are, in [−1, 1]. */
    public static Tensor input(Path picture) throws IOException {
        return Photos.read(picture, SIDE);
    }
}
