package dev.masquerade.cli;

import dev.masquerade.tutorials.Chapter;
import dev.masquerade.tutorials.Chapters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code masquerade tutorial N}: prints the numbers chapter N quotes, computed now by the engine. */
@Command(mixinStandardHelpOptions = true, name = "tutorial", description = "Print the numbers a tutorial chapter shows, computed by the engine (and draw its figures with --figures).")
final class TutorialCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "N", description = "The chapter's number (see tutorials/README.md).")
    private int number;

    @Option(names = "--figures", paramLabel = "DIR", description = "Also draw the chapter's figures into DIR (tutorials/images holds the committed ones).")
    private Path figures;

    @Override
    public Integer call() throws Exception {
        Chapter chapter = Chapters.byNumber(number);
        if (figures != null && figures.toString().isBlank()) {
            throw new IllegalArgumentException("--figures is empty; name a folder for the chapter's pictures");
        }
        if (figures != null && Files.exists(figures) && !Files.isDirectory(figures)) {
            throw new IllegalArgumentException("--figures " + figures + " is a file; name a folder for the chapter's pictures");
        }
        var out = spec.commandLine().getOut();
        out.printf("Chapter %d, %s (tutorials/%s)%n", chapter.number(), chapter.title(), chapter.file());
        for (Map.Entry<String, Double> e : chapter.numbers().entrySet()) {
            out.printf("  %-28s %s%n", e.getKey(), format(e.getValue()));
        }
        if (figures != null) {
            boolean existed = Files.isDirectory(figures);
            Files.createDirectories(figures);
            List<Path> drawn = chapter.writeFigures(figures);
            if (drawn.isEmpty()) {
                if (!existed) {
                    Files.delete(figures);
                }
                throw new IllegalArgumentException("chapter " + chapter.number() + " has no figures to draw; drop --figures");
            }
            for (Path png : drawn) {
                out.println("wrote " + png);
            }
        }
        return 0;
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format("%.0f", value) : String.format("%.6g", value);
    }
}
