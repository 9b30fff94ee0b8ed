package dev.masquerade.translation.tasks;

import dev.masquerade.engine.Tensor;
import dev.masquerade.gan.metrics.FashionJudge;
import dev.masquerade.nn.data.ArrayDataset;
import dev.masquerade.nn.data.FashionMnist;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The tasks by their command-line names, with what each reads, and how a picture file becomes an input of each and an output a picture. */
public final class TranslationTasks {
    /** The tasks' names, as the command line takes them. */
    public static final List<String> NAMES = List.of("day2night", "edges2fashion", "superres", "sneakers2sandals");
    /** Where scripts/fetch-translation-pictures.sh puts the pictures: a folder per task. */
    public static final Path DEFAULT_PICTURES = Path.of(System.getProperty("user.home"), ".cache", "masquerade", "translation");

    private TranslationTasks() {
    }

    /**
     * Where a task's data comes from.
     *
     * @param fashionMnist the folder of Fashion-MNIST's IDX files
     * @param judge the folder of the Fashion-MNIST classifier that judges items (trained there when missing)
     * @param pictures the folder of the task's pictures (null: {@link #DEFAULT_PICTURES}/task)
     * @param heldOut how many held-out items the Fashion-MNIST tasks judge
     */
    public record Sources(Path fashionMnist, Path judge, Path pictures, int heldOut, boolean progress) {
    }

    /** The task a name gives, its data read. */
    public static TranslationTask create(String name, Sources sources) throws IOException {
        return switch (requireKnown(name)) {
            case "day2night" -> new DayToNight(pictures(name, sources));
            case "superres" -> new SuperResolution(pictures(name, sources));
            default -> {
                ArrayDataset train = FashionMnist.train(sources.fashionMnist());
                ArrayDataset test = FashionMnist.test(sources.fashionMnist());
                FashionJudge judge = FashionJudge.loadOrTrain(sources.judge(), sources.fashionMnist(), sources.progress());
                yield name.equals("edges2fashion") ? new Edges2Fashion(train, test, judge, sources.heldOut())
                        : new Sneakers2Sandals(train, test, judge, sources.heldOut());
            }
        };
    }

    /** The task's name, or an error listing the names. */
    public static String requireKnown(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown translation task '" + name + "': use " + String.join(", ", NAMES));
        }
        return name;
    }

    private static Path pictures(String name, Sources sources) {
        return sources.pictures() != null ? sources.pictures() : DEFAULT_PICTURES.resolve(name);
    }

    /**
     * A picture file as an input of a task's translator, [1, C, H, W] in [−1, 1], its sides cut
     * to multiples of {@code multiple}: for the Fashion-MNIST tasks a grey picture scaled to
     * 28×28 (an edge map, or an item, white on black) and framed to 32×32; for day2night the
     * picture scaled to 256×256; for superres the small photo enlarged four times by bicubic.
     */
    public static Tensor input(String task, Path picture, int multiple) throws IOException {
        return switch (requireKnown(task)) {
            case "day2night" -> Photos.cut(DayToNight.input(picture), multiple);
            case "superres" -> Photos.cut(SuperResolution.input(picture), multiple);
            default -> FashionPictures.read(picture);
        };
    }

    /** A translator's output [1, C, H, W] in [−1, 1] as a picture [C, H, W] in [0, 1] (Fashion-MNIST items unframed to 28×28). */
    public static Tensor picture(String task, Tensor output) {
        Tensor unit = requireKnown(task).equals("day2night") || task.equals("superres") ? DayToNight.unit(output) : FashionPictures.unframed(output);
        return unit.squeeze(0);
    }
}
