package dev.masquerade.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @Test
    void everyGpuTilingReadsBackFromItsCacheEntry() {
        for (Tiling tiling : Tiling.GPU_CANDIDATES) {
            assertEquals(tiling, Tiling.parse(tiling.toString()));
        }
        assertEquals("64x64x16/4x4/split4", new Tiling(64, 64, 16, 4, 4, false, 4).toString());
        assertEquals("128x64x16/8x4/float4/split4", new Tiling(128, 64, 16, 8, 4, true, 4).toString());
        for (String malformed : List.of("64x64x16/4x4/split4/float4", "64x64x16/4x4/float8", "64x64x16", "64x64x16/4x4/float4/float4")) {
            assertThrows(IllegalArgumentException.class, () -> Tiling.parse(malformed), malformed);
        }
    }

    @Test
    void float4ReadsNeedBlocksOfWholeFloat4s() {
        assertThrows(IllegalArgumentException.class, () -> new Tiling(64, 64, 16, 2, 2, true, 1));
    }

    @Test
    void eachProductShapeOfADeviceIsTunedOnItsOwn() {
        Path cache = folder.resolve("tuning.properties");
        Tiling wide = Tiling.GPU_CANDIDATES.get(1), split = Tiling.GPU_CANDIDATES.stream().filter(t -> t.splits() > 1).findFirst().orElseThrow();
        List<Tiling> timed = new ArrayList<>();
        MatmulTuner tuner = new MatmulTuner(cache);
        assertEquals(wide, tuner.choose("GPU 1x4096x4096x4096NN", Tiling.GPU_CANDIDATES, Tiling::parse, t -> {
            timed.add(t);
            return t.equals(wide) ? 1 : 100;
        }));
        assertEquals(split, tuner.choose("GPU 1x32x512x8192NN", Tiling.GPU_CANDIDATES, Tiling::parse, t -> t.equals(split) ? 1 : 100));
        assertEquals(Tiling.GPU_CANDIDATES, timed);
        MatmulTuner later = new MatmulTuner(cache);
        assertEquals(wide, later.choose("GPU 1x4096x4096x4096NN", Tiling.GPU_CANDIDATES, Tiling::parse, t -> {
            throw new AssertionError("a remembered shape is not timed again");
        }));
        assertEquals(split.toString(), readEntryQuietly(cache, "GPU_1x32x512x8192NN"));
    }

    @Test
    void aTilingTheDeviceCannotRunIsNeverChosen() {
        Tiling runnable = Tiling.GPU_CANDIDATES.get(3);
        assertEquals(runnable, new MatmulTuner(folder.resolve("t.properties")).choose("GPU shape", Tiling.GPU_CANDIDATES, Tiling::parse,
                t -> t.equals(runnable) ? 50 : Long.MAX_VALUE));
    }

    private static String readEntryQuietly(Path file, String key) {
        try {
            return readEntry(file, key);
        } catch (Exception e) {
            throw new AssertionError(e);
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
