package dev.masquerade.kernels;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Chooses how the OpenCL matmul runs, by timing: the block each work-item of {@code
 * matmul_cpu.cl} computes on a CPU device (once per device), and the {@link Tiling} of {@code
 * matmul_register_blocked.cl} on a GPU (once per device and product shape). Every candidate
 * is timed on a real product and the fastest is remembered in a small properties file (by
 * default {@code ~/.cache/masquerade/opencl-matmul.properties}), so later runs start tuned.
 * The choice is a compile-time define of the kernel: tuning is data, not code.
 *
 * <p>{@code -Dmasquerade.opencl.tune=false} skips the timing and takes the first candidate.
 */
final class MatmulTuner {
    /** rows (MR) × 8·vectors (NR) elements of C per work-item. */
    record Block(int rows, int vectors) {
        int columns() {
            return 8 * vectors;
        }

        /** The compiler options that select this block in matmul_cpu.cl. */
        String defines() {
            return "-DMR=" + rows + " -DNV=" + vectors;
        }

        @Override
        public String toString() {
            return rows + "x" + columns();
        }

        static Block parse(String text) {
            String[] parts = text.trim().split("x");
            if (parts.length != 2) {
                throw new IllegalArgumentException(text);
            }
            return new Block(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]) / 8);
        }
    }

    /** Candidates that fit AVX2's sixteen registers (12 or fewer accumulators); the first is the default. */
    static final List<Block> CANDIDATES = List.of(new Block(6, 2), new Block(4, 3), new Block(4, 2), new Block(8, 1));
    static final Path DEFAULT_CACHE = Path.of(System.getProperty("user.home"), ".cache", "masquerade", "opencl-matmul.properties");

    private final Path cacheFile;
    private boolean announced;

    MatmulTuner(Path cacheFile) {
        this.cacheFile = cacheFile;
    }

    /** The CPU kernel's block for {@code deviceKey}: cached, else the fastest candidate by {@code timeNanos}. */
    Block choose(String deviceKey, ToLongFunction<Block> timeNanos) {
        return choose(deviceKey, CANDIDATES, Block::parse, timeNanos);
    }

    /**
     * The cached choice for {@code key} when it is one of the candidates, else the fastest
     * candidate by {@code timeNanos} (which runs a product with it and returns its time, or
     * {@link Long#MAX_VALUE} where the candidate cannot run), written to the cache.
     */
    synchronized <C> C choose(String key, List<C> candidates, Function<String, C> parse, ToLongFunction<C> timeNanos) {
        if (!Boolean.parseBoolean(System.getProperty("masquerade.opencl.tune", "true"))) {
            return candidates.get(0);
        }
        Properties cache = read();
        String entry = key.replaceAll("[^A-Za-z0-9._-]+", "_");
        String cached = cache.getProperty(entry);
        if (cached != null) {
            try {
                C choice = parse.apply(cached);
                if (candidates.contains(choice)) {
                    return choice;
                }
            } catch (IllegalArgumentException e) {
                // an unreadable entry: tune again and overwrite it
            }
        }
        if (!announced) {
            System.err.println("Tuning the OpenCL matmul for " + key + " (once; remembered in " + cacheFile + ")");
            announced = true;
        }
        C best = candidates.get(0);
        long bestTime = Long.MAX_VALUE;
        for (C candidate : candidates) {
            long time = timeNanos.applyAsLong(candidate);
            if (time < bestTime) {
                best = candidate;
                bestTime = time;
            }
        }
        cache.setProperty(entry, best.toString());
        write(cache);
        return best;
    }

    private Properties read() {
        Properties cache = new Properties();
        if (Files.isRegularFile(cacheFile)) {
            try (InputStream in = Files.newInputStream(cacheFile)) {
                cache.load(in);
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("Ignoring the unreadable tuning cache " + cacheFile + " (" + e.getMessage() + "); it will be rewritten");
            }
        }
        return cache;
    }

    /** Writes beside the file, then moves it into place: a crash never leaves half a cache. */
    private void write(Properties cache) {
        try {
            Files.createDirectories(cacheFile.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(cacheFile.toAbsolutePath().getParent(), "opencl-matmul", ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                cache.store(out, "Masquerade: fastest OpenCL matmul block per device (matmul_cpu.cl) and tiling per device and shape "
                        + "(matmul_register_blocked.cl); delete to tune again");
            }
            Files.move(temporary, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("Could not save the matmul tuning to " + cacheFile + " (" + e.getMessage() + "); it will be timed again next run");
        }
    }
}
