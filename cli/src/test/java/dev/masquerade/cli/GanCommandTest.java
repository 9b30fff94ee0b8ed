package dev.masquerade.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.array.Device;
import dev.masquerade.kernels.OpenCl;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** masquerade gan train and masquerade gan sample, as a user runs them (on the ring: seconds, no data to install). */
class GanCommandTest {
    private final CommandLineUser user = new CommandLineUser();

    @TempDir
    Path work;


    @Test
    void trainOnTheRingThenSample() throws java.io.IOException {
        Path folder = work.resolve("ring");
        assertEquals(0, user.run("gan", "train", "--dataset", "ring", "--loss", "lsgan", "--d-steps", "2", "--epochs", "1", "--out",
                folder.toString(), "--no-progress"), user.err());
        assertTrue(user.out().contains("lsgan loss, 2 discriminator steps per generator step"), user.out());
        assertTrue(user.out().contains("modes covered"), user.out());
        for (String file : new String[] {"samples_epoch_000.png", "samples_epoch_001.png", "loss.png", "metrics.json", "checkpoint.json"}) {
            assertTrue(Files.exists(folder.resolve(file)), file + " is missing");
        }
        Path png = work.resolve("points.png");
        assertEquals(0, user.run("gan", "sample", "--checkpoint", folder.resolve("checkpoint.json").toString(), "--n", "300", "--out",
                png.toString()), user.err());
        assertTrue(user.out().contains("wrote 300 ring samples"), user.out());
        assertTrue(Files.exists(png));
        Path points = work.resolve("points.npy");
        assertEquals(0, user.run("gan", "sample", "--checkpoint", folder.resolve("checkpoint.json").toString(), "--n", "50", "--out",
                points.toString()), user.err());
        assertArrayEquals(new int[] {50, 2}, dev.masquerade.nn.data.Npy.read(points).shape(), "the points as a .npy");
        assertEquals(1, user.run("gan", "sample", "--checkpoint", folder.resolve("checkpoint.json").toString(), "--n", "5", "--out",
                work.resolve("pictures").toString()));
        assertTrue(user.err().contains("ring samples are points, not pictures; write them to a .png or a .npy"), user.err());
        Path comparison = work.resolve("comparison.png");
        assertEquals(0, user.run("gan", "compare", folder.toString(), "--steps", "100", "--out", comparison.toString()), user.err());
        assertTrue(Files.exists(comparison));
    }

    @Test
    void trainsOnAnOpenClDevice() throws Exception {
        Assumptions.assumeTrue(OpenCl.probe().available() || Boolean.getBoolean("opencl.required"), "no OpenCL platform");
        Path folder = work.resolve("ring-opencl");
        try {
            assertEquals(0, user.run("--device", "opencl:0", "gan", "train", "--dataset", "ring", "--epochs", "1", "--out", folder.toString(),
                    "--no-progress"), user.err());
        } finally {
            System.clearProperty(Device.SYSTEM_PROPERTY); // --device sets it for the whole JVM
        }
        assertTrue(Files.readString(folder.resolve("metrics.json")).contains("\"device\" : \"opencl:0\""), "metrics.json names the device");
        assertTrue(Files.exists(folder.resolve("samples_epoch_001.png")));
    }

    @Test
    void aNewRunRefusesAFolderHoldingAnEarlierRunUnlessToldToReplaceIt() throws Exception {
        Path folder = work.resolve("ring");
        String[] train = {"gan", "train", "--dataset", "ring", "--epochs", "1", "--out", folder.toString(), "--no-progress"};
        assertEquals(0, user.run(train), user.err());
        byte[] checkpoint = Files.readAllBytes(folder.resolve("checkpoint.json"));
        assertEquals(1, user.run(train));
        assertTrue(user.err().contains("already holds a run") && user.err().contains("--resume") && user.err().contains("--overwrite"), user.err());
        assertArrayEquals(checkpoint, Files.readAllBytes(folder.resolve("checkpoint.json")), "the earlier run is untouched");
        String[] again = java.util.Arrays.copyOf(train, train.length + 1);
        again[train.length] = "--overwrite";
        assertEquals(0, user.run(again), user.err());
    }

    @Test
    void aRunThatFailedBeforeItsFirstStepDoesNotBlockTheNextOne() {
        String out = work.resolve("ring").toString();
        assertEquals(1, user.run("gan", "train", "--dataset", "ring", "--batch-size", "" + (1 << 30), "--no-progress", "--out", out));
        assertEquals(0, user.run("gan", "train", "--dataset", "ring", "--epochs", "1", "--no-progress", "--out", out), user.err());
    }

    @Test
    void badChoicesAreOneClearLine() {
        assertEquals(1, user.run("gan", "train", "--dataset", "ring", "--loss", "wgan", "--out", work.toString()));
        assertTrue(user.err().contains("unknown GAN loss 'wgan': use minimax, nonsaturating, lsgan or hinge"), user.err());
        assertEquals(1, user.run("gan", "train", "--dataset", "cifar10", "--out", work.toString()));
        assertTrue(user.err().contains("use fashion-mnist or ring"), user.err());
        assertEquals(1, user.run("gan", "train", "--dataset", "ring", "--resume"));
        assertTrue(user.err().contains("--resume needs --out"), user.err());
        assertEquals(1, user.run("gan", "sample", "--checkpoint", work.resolve("none.json").toString(), "--out", work.resolve("x.png").toString()));
        assertTrue(user.err().contains("none.json"), user.err());
        assertEquals(1, user.err().lines().filter(l -> l.contains("none.json")).count(), user.err());
    }

    @Test
    void sampleRefusesACheckpointThatIsNotAGans() throws Exception {
        Path folder = Files.createDirectories(work.resolve("classifier"));
        dev.masquerade.nn.io.Checkpoint.save(folder.resolve("c.json"), java.util.Map.of("w", dev.masquerade.engine.Tensor.zeros(2)),
                java.util.Map.of("model", "other"));
        assertEquals(1, user.run("gan", "sample", "--checkpoint", folder.resolve("c.json").toString(), "--out", work.resolve("x.png").toString()));
        assertTrue(user.err().contains("is not a GAN checkpoint"), user.err());
        assertTrue(Files.notExists(work.resolve("x.png")));
    }
}
