package dev.masquerade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masquerade.nn.io.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** masquerade motion train and motion animate, as a user runs them: a very short run, then a GIF from it. */
class MotionCommandTest {
    private final CommandLineUser user = new CommandLineUser();

    @TempDir
    Path work;

    @Test
    void trainBrieflyThenAnimateASyntheticFaceAndAPicture() throws IOException {
        Path run = work.resolve("motion");
        assertEquals(0, user.run("motion", "train", "--synthetic", "--steps", "2", "--clips", "2", "--held-out-clips", "1", "--frames", "3",
                "--no-progress", "--out", run.toString()), user.err());
        assertTrue(user.out().contains("held-out reconstruction L1") && user.out().contains("keypoints predict the landmarks within"),
                user.out());
        Map<?, ?> metrics = new ObjectMapper().readValue(run.resolve("metrics.json").toFile(), Map.class);
        for (String key : new String[] {"recon_l1", "recon_ssim", "baseline_ssim", "keypoint_error_px", "baseline_keypoint_error_px", "steps",
            "seconds"}) {
            assertTrue(metrics.containsKey(key), "metrics.json has " + key);
        }
        assertEquals(2, ((Number) metrics.get("steps")).intValue());
        assertTrue(Files.exists(run.resolve("preview_step_000000.png")) && Files.exists(run.resolve("loss.png")));
        CommandLineUser again = new CommandLineUser();
        assertEquals(1, again.run("motion", "train", "--synthetic", "--steps", "2", "--clips", "2", "--held-out-clips", "1", "--frames", "3",
                "--no-progress", "--resume", "--out", run.toString()));
        assertTrue(again.err().contains("nothing to resume: " + run + " has trained 2 steps already; pass --steps above 2"), again.err());
        CommandLineUser other = new CommandLineUser();
        assertEquals(1, other.run("motion", "train", "--synthetic", "--steps", "3", "--clips", "3", "--held-out-clips", "1", "--frames", "3",
                "--no-progress", "--resume", "--out", run.toString()));
        assertTrue(other.err().contains("was trained with --clips 2, not 3; give the same --clips or start a new run"), other.err());
        assertTrue(!other.out().contains("Training"), "a refused resume does not announce training: " + other.out());
        CommandLineUser resumed = new CommandLineUser();
        assertEquals(0, resumed.run("motion", "train", "--synthetic", "--steps", "3", "--clips", "2", "--held-out-clips", "1", "--frames", "3",
                "--no-progress", "--resume", "--out", run.toString()), resumed.err());
        assertTrue(resumed.out().contains("3 steps in"), resumed.out());

        Path gif = work.resolve("animated.gif");
        CommandLineUser animator = new CommandLineUser();
        assertEquals(0, animator.run("motion", "animate", "--checkpoint", run.resolve("checkpoint.json").toString(), "--source", "synthetic:3",
                "--driving", "synthetic:4", "--frames", "4", "--out", gif.toString()), animator.err());
        assertTrue(animator.out().contains("4 frames: source | driving | animated"), animator.out());
        assertEquals(3 * 64 * 2, Images.decode(gif).getWidth(), "three 64-pixel panels, shown twice their size");

        Path frames = work.resolve("frames");
        Files.createDirectories(frames);
        for (int i = 0; i < 3; i++) {
            Images.writePng(dev.masquerade.engine.Tensor.rand(new dev.masquerade.engine.Rng(i), 3, 40, 50), frames.resolve("f" + i + ".png"));
        }
        CommandLineUser fromFolder = new CommandLineUser();
        assertEquals(0, fromFolder.run("motion", "animate", "--checkpoint", run.resolve("checkpoint.json").toString(), "--source",
                frames.resolve("f0.png").toString(), "--driving", frames.toString(), "--out", work.resolve("b.gif").toString()), fromFolder.err());
        assertTrue(fromFolder.out().contains("3 frames"), fromFolder.out());

        CommandLineUser careful = new CommandLineUser();
        Path picture = frames.resolve("f0.png");
        assertEquals(1, careful.run("motion", "animate", "--checkpoint", run.resolve("checkpoint.json").toString(), "--source", gif.toString(),
                "--driving", "synthetic:4", "--out", gif.toString()));
        assertTrue(careful.err().contains("is the --source file: writing the animation there would overwrite it"), careful.err());
        assertTrue(Files.exists(picture) && Images.decode(gif).getWidth() == 3 * 64 * 2, "the input is untouched");
        assertEquals(1, careful.run("motion", "animate", "--checkpoint", run.resolve("checkpoint.json").toString(), "--source",
                work.resolve("clip.mp4").toString(), "--driving", "synthetic:4", "--out", work.resolve("c.gif").toString()));
        assertTrue(careful.err().contains("is a video; --source takes one picture (or synthetic:SEED)"), careful.err());
    }

    @Test
    void trainOnFoldersOfRealFrames() throws IOException {
        Path people = work.resolve("people");
        for (String person : new String[] {"identity_1", "identity_2"}) {
            Files.createDirectories(people.resolve(person));
            for (int i = 0; i < 3; i++) {
                Images.writePng(dev.masquerade.engine.Tensor.rand(new dev.masquerade.engine.Rng(i), 3, 50, 50),
                        people.resolve(person).resolve("frame_" + i + ".png"));
            }
        }
        Path run = work.resolve("real");
        assertEquals(0, user.run("motion", "train", "--clips-from", people.toString(), "--steps", "2", "--no-progress", "--out", run.toString()),
                user.err());
        assertTrue(user.out().contains("held-out reconstruction L1") && !user.out().contains("landmarks"), user.out());
        Map<?, ?> metrics = new ObjectMapper().readValue(run.resolve("metrics.json").toFile(), Map.class);
        assertTrue(metrics.containsKey("recon_ssim") && !metrics.containsKey("keypoint_error_px"), "real clips have no true landmarks: " + metrics);
        CommandLineUser other = new CommandLineUser();
        assertEquals(1, other.run("motion", "train", "--synthetic", "--steps", "3", "--no-progress", "--resume", "--out", run.toString()));
        assertTrue(other.err().contains("give the same --synthetic or --clips-from"), other.err());
        assertEquals(1, other.run("motion", "train", "--clips-from", people.resolve("identity_1").toString(), "--steps", "2", "--out",
                work.resolve("x").toString()));
        assertTrue(other.err().contains("holds 0 folder(s) of at least two face pictures"), other.err());
    }

    @Test
    void badInputGetsOneLine() {
        assertEquals(1, user.run("motion", "train", "--steps", "2", "--out", work.resolve("m").toString()));
        assertTrue(user.err().contains("motion train needs one source of clips: give --synthetic (synthetic talking faces) or --clips-from DIR"),
                user.err());
        assertEquals(1, user.run("motion", "train", "--synthetic", "--frames", "1", "--out", work.resolve("m").toString()));
        assertTrue(user.err().contains("--frames must be at least 2, got 1"), user.err());
        assertTrue(!Files.exists(work.resolve("m")), "nothing is created for a refused run");
        assertEquals(1, user.run("motion", "animate", "--checkpoint", work.resolve("none.json").toString(), "--source", "synthetic:1",
                "--driving", "synthetic:2", "--out", work.resolve("a.png").toString()));
        assertTrue(user.err().contains("--out must end in .gif or .mp4"), user.err());
        assertEquals(1, user.run("motion", "animate", "--checkpoint", work.resolve("none.json").toString(), "--source", "synthetic:x",
                "--driving", "synthetic:2", "--out", work.resolve("a.gif").toString()));
        assertTrue(!user.err().contains("Exception"), user.err());
    }
}
