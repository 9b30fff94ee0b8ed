package dev.masquerade.cli;

import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.data.ImageFolder;
import dev.masquerade.nn.io.Images;
import dev.masquerade.translation.TranslationRun;
import dev.masquerade.translation.models.UNet;
import dev.masquerade.translation.tasks.TranslationTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masquerade translate apply}: a trained translator on a picture or a folder of them. */
@Command(mixinStandardHelpOptions = true, name = "apply",
        description = {"Translate pictures with a trained run's generator: each input picture becomes DIR/NAME.png.",
                "Inputs are made as the task makes its own: edges2fashion and sneakers2sandals take grey pictures, scaled to 28x28 (white"
                        + " on black, as Fashion-MNIST); day2night scales pictures to 256x256; superres enlarges a small photo four times."})
final class TranslateApplyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "checkpoint.json of a 'masquerade translate train' run.")
    private Path checkpoint;

    @Option(names = "--input", required = true, paramLabel = "IMAGE|FOLDER", description = "A picture, or a folder of pictures.")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the translated pictures (created if missing).")
    private Path out;

    @Option(names = "--direction", defaultValue = "ab", description = "For CycleGAN: ab (A to B, as trained) or ba (the way back)"
            + " (default: ${DEFAULT-VALUE}).")
    private String direction;

    @Override
    public Integer call() throws Exception {
        if (!direction.equals("ab") && !direction.equals("ba")) {
            throw new IllegalArgumentException("--direction must be ab or ba, got " + direction);
        }
        if (!Files.exists(input)) {
            throw new IllegalArgumentException("--input " + input + " does not exist; give a picture or a folder of pictures");
        }
        List<Path> pictures = Files.isDirectory(input) ? ImageFolder.files(input) : List.of(input);
        RunOptions.refuseInput(out, "--input", Files.isDirectory(input) ? input : null);
        TranslationRun.Trained trained = TranslationRun.load(checkpoint);
        Layer generator = direction.equals("ab") ? trained.networks().forward() : trained.networks().backward();
        if (generator == null) {
            throw new IllegalArgumentException("--direction ba needs a CycleGAN run; " + trained.model().cliName() + " translates one way");
        }
        int multiple = generator instanceof UNet unet ? unet.multiple() : 4;
        Files.createDirectories(out);
        var translator = TranslationRun.translator(generator);
        for (Path picture : pictures) {
            Path target = out.resolve(picture.getFileName().toString().replaceFirst("\\.[^.]*$", "") + ".png");
            if (Files.exists(target) && Files.isSameFile(target, picture)) {
                throw new IllegalArgumentException(target + " is an input; choose another --out, so that no input is overwritten");
            }
            Tensor output = translator.apply(TranslationTasks.input(trained.task(), picture, multiple));
            Images.writePng(TranslationTasks.picture(trained.task(), output), target);
        }
        spec.commandLine().getOut().printf("translated %s with %s (%s, %s) into %s%n", Count.of(pictures.size(), "picture"),
                trained.model().cliName(), trained.task(), direction, out);
        return 0;
    }
}
