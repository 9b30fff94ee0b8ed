package dev.masquerade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers no training can use are refused before training starts, with one line that names the
 * option, and nothing is written: NaN, infinities, a learning rate of 1e9, Adam's β₁ of 1 or
 * more, negative or NaN loss weights.
 */
class BadNumbersTest {
    @TempDir
    Path work;

    private static final String[] FACESWAP = {"faceswap", "train", "--synthetic", "--synthetic-count", "8", "--steps", "1", "--no-progress"};
    // the data set's folder does not exist: the number must be refused before it is looked for
    private static final String[] CLASSIFY = {"classify", "--data", "/nonexistent", "--epochs", "1", "--no-progress"};
    private static final String[] AUTOENCODER = {"autoencoder", "--data", "/nonexistent", "--epochs", "1", "--no-progress"};
    private static final String[] RING = {"gan", "train", "--dataset", "ring", "--epochs", "1", "--no-progress"};

    @Test
    void aLimitOfNothingIsRefusedBeforeAnyDataIsRead() {
        CommandLineUser user = new CommandLineUser();
        assertEquals(2, user.run("classify", "--limit", "0", "--data", work.resolve("nothing").toString(), "--out", work.resolve("c").toString()));
        assertTrue(user.err().contains("--limit must be at least 1"), user.err());
    }

    @Test
    void noSyntheticPicturesIsRefused() {
        CommandLineUser user = new CommandLineUser();
        assertEquals(1, user.run("faceswap", "train", "--synthetic", "--synthetic-count", "0", "--steps", "1", "--no-progress",
                "--out", work.resolve("s").toString()));
        assertTrue(user.err().contains("--synthetic-count must be from 1 to 100,000"), user.err());
    }

    @TestFactory
    Stream<DynamicTest> eachNonsenseNumberIsOneLineNamingItsOption() {
        Object[][] cases = {
            {FACESWAP, "--lr", "NaN"}, {FACESWAP, "--lr", "Infinity"}, {FACESWAP, "--lr", "1e9"}, {FACESWAP, "--lr", "0"},
            {FACESWAP, "--beta1", "1"}, {FACESWAP, "--beta1", "-0.1"}, {FACESWAP, "--dssim-weight", "-1"},
            {FACESWAP, "--feature-weight", "NaN"}, {FACESWAP, "--gan-weight", "Infinity"},
            {CLASSIFY, "--lr", "NaN"}, {CLASSIFY, "--lr", "5"}, {AUTOENCODER, "--lr", "1e9"}, {AUTOENCODER, "--lr", "-Infinity"},
            {RING, "--lr", "NaN"}, {RING, "--lr", "-Infinity"}, {RING, "--smoothing", "1"}, {RING, "--smoothing", "NaN"},
        };
        List<DynamicTest> tests = new ArrayList<>();
        for (Object[] c : cases) {
            String[] command = (String[]) c[0];
            String option = (String) c[1], value = (String) c[2];
            tests.add(DynamicTest.dynamicTest(command[0] + " " + option + " " + value, () -> {
                Path out = work.resolve(command[0] + option + value);
                List<String> args = new ArrayList<>(List.of(command));
                args.addAll(List.of(option, value, "--out", out.toString()));
                CommandLineUser user = new CommandLineUser();
                assertEquals(1, user.run(args.toArray(String[]::new)), user.out());
                assertTrue(user.err().contains(option), user.err());
                assertFalse(user.err().contains("\tat "), "no stack trace: " + user.err());
                assertFalse(Files.exists(out.resolve("checkpoint.json")), "nothing trained");
            }));
        }
        return tests.stream();
    }
}
