package dev.masquerade.cli;

import dev.masquerade.autoencoder.faces.Identity;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.faces.RgbImage;
import dev.masquerade.motion.Animator;
import dev.masquerade.motion.MotionRun;
import dev.masquerade.motion.data.TalkingFaces;
import dev.masquerade.motion.model.MotionModel;
import dev.masquerade.nn.io.AnimatedGif;
import dev.masquerade.nn.io.Images;
import dev.masquerade.workflow.Ffmpeg;
import dev.masquerade.workflow.Frames;
import dev.masquerade.workflow.VideoWriter;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masquerade motion animate}: a still face moved as a driving clip moves. */
@Command(mixinStandardHelpOptions = true, name = "animate",
        description = {"Animate a still face with the motion of a driving clip (relative motion: the face keeps its shape and takes how the"
                + " driving face moves from its first frame), by a trained motion model.",
                "Writes each frame as source | driving | animated, side by side, to a GIF or (with ffmpeg) an MP4. Pictures are cut to"
                        + " their centre square and scaled to the model's size."})
final class MotionAnimateCommand implements Callable<Integer> {
    private static final String SYNTHETIC = "synthetic:";

    @Spec
    private CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "checkpoint.json of a 'masquerade motion train' run.")
    private Path checkpoint;

    @Option(names = "--source", required = true, paramLabel = "IMAGE|synthetic:SEED",
            description = "The still face: a picture, or synthetic:SEED for a synthetic person of that seed.")
    private String source;

    @Option(names = "--driving", required = true, paramLabel = "VIDEO|FOLDER|synthetic:SEED",
            description = "The motion: a video, a folder of frames (by name), or synthetic:SEED for a synthetic person talking.")
    private String driving;

    @Option(names = "--frames", defaultValue = "32", description = "Frames of a synthetic driving clip; at most this many of a video or"
            + " folder (default: ${DEFAULT-VALUE}).")
    private int frames;

    @Option(names = "--out", required = true, paramLabel = "OUT.gif|OUT.mp4", description = "The animation to write.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        String name = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".gif") && !name.endsWith(".mp4")) {
            throw new IllegalArgumentException("--out must end in .gif or .mp4, got " + out);
        }
        if (frames < 2) {
            throw new IllegalArgumentException("--frames must be at least 2, got " + frames);
        }
        for (String input : List.of(source, driving)) {
            if (!input.startsWith(SYNTHETIC) && Files.exists(out) && Files.exists(Path.of(input)) && Files.isSameFile(out, Path.of(input))) {
                throw new IllegalArgumentException("--out " + out + " is the " + (input.equals(source) ? "--source" : "--driving")
                        + " file: writing the animation there would overwrite it; choose another --out");
            }
        }
        if (!source.startsWith(SYNTHETIC) && Ffmpeg.looksLikeVideo(Path.of(source)) && !source.toLowerCase(java.util.Locale.ROOT).endsWith(".gif")) {
            throw new IllegalArgumentException("--source " + source + " is a video; --source takes one picture (or synthetic:SEED), and a"
                    + " video goes to --driving");
        }
        MotionModel model = MotionRun.load(checkpoint);
        int size = model.architecture().size();
        Tensor still = source.startsWith(SYNTHETIC) ? synthetic(source, 2, size).narrow(0, 0, 1) : square(Images.decode(Path.of(source)), size);
        Tensor motion = driving.startsWith(SYNTHETIC) ? synthetic(driving, frames, size) : read(Path.of(driving), size);
        Tensor animated = Animator.animate(model, still, motion);
        List<BufferedImage> triptychs = new ArrayList<>();
        for (int t = 0; t < animated.size(0); t++) {
            Tensor row = Tensor.concat(List.of(still, motion.narrow(0, t, 1), animated.narrow(0, t, 1)), 3).squeeze(0);
            triptychs.add(Images.toImage(row.unsqueeze(0).upsampleNearest(2).squeeze(0).clamp(0, 1)));
        }
        if (name.endsWith(".gif")) {
            AnimatedGif.write(triptychs, 80, out);
        } else {
            BufferedImage first = triptychs.get(0);
            try (VideoWriter video = new VideoWriter(out, new Ffmpeg.VideoInfo(first.getWidth(), first.getHeight(), "25/2", triptychs.size()))) {
                for (BufferedImage frame : triptychs) {
                    video.write(RgbImage.of(frame));
                }
            }
        }
        spec.commandLine().getOut().printf("wrote %s (%d frames: source | driving | animated)%n", out, animated.size(0));
        return 0;
    }

    /** A synthetic person talking: the clip of synthetic:SEED. */
    private static Tensor synthetic(String spec, int count, int size) {
        long seed;
        try {
            seed = Long.parseLong(spec.substring(SYNTHETIC.length()));
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(spec + " is not synthetic:SEED with a whole-number seed");
        }
        return TalkingFaces.clip(Identity.random(new Rng(seed)), count, size, new Rng(seed + 1)).frames();
    }

    private Tensor read(Path input, int size) throws java.io.IOException {
        List<Tensor> read = new ArrayList<>();
        try (Frames all = Frames.open(input)) {
            for (int i = 0; i < Math.min(all.count(), frames); i++) {
                read.add(square(all.next().image().toBufferedImage(), size));
            }
        }
        if (read.size() < 2) {
            throw new IllegalArgumentException("--driving " + input + " has " + read.size() + " frame(s); a motion needs at least 2");
        }
        return Tensor.concat(read, 0);
    }

    /** A picture's centre square scaled to size × size: [1, 3, size, size] in [0, 1]. */
    private static Tensor square(BufferedImage image, int size) {
        Tensor picture = Images.fromImage(image, 3);
        int side = Math.min(picture.size(1), picture.size(2));
        return picture.narrow(1, (picture.size(1) - side) / 2, side).narrow(2, (picture.size(2) - side) / 2, side).unsqueeze(0)
                .resizeBilinear(size, size);
    }
}
