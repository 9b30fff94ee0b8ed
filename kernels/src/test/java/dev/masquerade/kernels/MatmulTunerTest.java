package dev.masquerade.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The auto-tuner times every candidate once per device, keeps the fastest, and remembers it. */
class MatmulTunerTest {
    @TempDir
    Path folder;

    /** A stand-in for the device: fixed times per block, and a record of what was timed. */
    private static final class FakeTimings {
        final Map<MatmulTuner.Block, Long> nanos;
        final List<MatmulTuner.Block> timed = new ArrayList<>();

        FakeTimings(Map<MatmulTuner.Block, Long> nanos) {
            this.nanos = nanos;
        }

        long time(MatmulTuner.Block block) {
            timed.add(block);
            return nanos.getOrDefault(block, 1_000_000L);
        }
    }

    private final MatmulTuner.Block fastest = MatmulTuner.CANDIDATES.get(2);
    private final FakeTimings device = new FakeTimings(Map.of(fastest, 10L));

    @Test
    void theFirstUseTimesEveryCandidateAndChoosesTheFastest() {
        MatmulTuner tuner = new MatmulTuner(folder.resolve("tuning.properties"));
        assertEquals(fastest, tuner.choose("Some device 1.0", device::time));
        assertEquals(MatmulTuner.CANDIDATES, device.timed);
    }

    @Test
    void laterRunsReadTheChoiceFromTheCacheWithoutTiming() {
        Path cache = folder.resolve("nested/tuning.properties");
        new MatmulTuner(cache).choose("Some device 1.0", device::time);
        FakeTimings later = new FakeTimings(Map.of());
        assertEquals(fastest, new MatmulTuner(cache).choose("Some device 1.0", later::time));
        assertEquals(List.of(), later.timed);
    }

    @Test
    void eachDeviceIsTunedOnItsOwn() {
        Path cache = folder.resolve("tuning.properties");
        new MatmulTuner(cache).choose("Device A", device::time);
        MatmulTuner.Block otherFastest = MatmulTuner.CANDIDATES.get(3);
        FakeTimings other = new FakeTimings(Map.of(otherFastest, 5L));
        assertEquals(otherFastest, new MatmulTuner(cache).choose("Device B", other::time));
        assertEquals(fastest, new MatmulTuner(cache).choose("Device A", other::time));
    }

    @Test
    void anUnreadableEntryIsTunedAgainAndOverwritten() throws Exception {
        Path cache = folder.resolve("tuning.properties");
        Files.writeString(cache, "Some_device_1.0=banana\n");
        assertEquals(fastest, new MatmulTuner(cache).choose("Some device 1.0", device::time));
        assertEquals(MatmulTuner.CANDIDATES, device.timed);
        assertEquals(fastest.toString(), java.util.Objects.requireNonNull(readEntry(cache, "Some_device_1.0")));
    }

    @Test
    void tuningCanBeTurnedOff() {
        System.setProperty("masquerade.opencl.tune", "false");
        try {
            assertEquals(MatmulTuner.CANDIDATES.get(0), new MatmulTuner(folder.resolve("t.properties")).choose("Some device", device::time));
            assertEquals(List.of(), device.timed);
        } finally {
            System.clearProperty("masquerade.opencl.tune");
        }
    }

    private static String readEntry(Path file, String key) throws Exception {
        java.util.Properties properties = new java.util.Properties();
        try (var in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties.getProperty(key);
    }
}
