package dev.masquerade.faces;

import dev.masquerade.nn.io.ChildProcess;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Fetches face-api's weights on first use, as {@code scripts/fetch-face-models.sh} does: npm
 * packs @vladmandic/face-api into a temporary folder, tar unpacks it, and the three networks'
 * manifests and shards and the package's LICENSE are copied into the cache. Nothing is
 * installed. Each file is copied under a temporary name and renamed once complete, so an
 * interrupted fetch never leaves a half-written file; it may leave a network's shard without its
 * manifest, which the next run fetches again (and {@link FaceApiModels#verify} would refuse).
 */
public final class FaceApiFetch {
    private FaceApiFetch() {
    }

    /** {@code folder}, after fetching the weights into it where any network is missing; says so on {@code log}. */
    public static Path ensure(Path folder, PrintWriter log) throws IOException {
        if (FaceApiModels.NETWORKS.stream().allMatch(net -> Files.isRegularFile(folder.resolve(net + "_model-weights_manifest.json")))) {
            return folder;
        }
        log.println("fetching face-api " + FaceApiModels.VERSION + "'s weights (about 7 MB) into " + folder + " ...");
        log.flush();
        Path work = Files.createTempDirectory("face-api");
        try {
            run(work, "npm is not installed: apt-get install npm (as root) and run again, or run scripts/fetch-face-models.sh on a machine "
                    + "that has npm and copy " + folder + " here", " (is registry.npmjs.org reachable?)",
                    "npm", "pack", "--silent", "@vladmandic/face-api@" + FaceApiModels.VERSION);
            run(work, "tar is not installed: apt-get install tar (as root)", "", "tar", "xzf", "vladmandic-face-api-" + FaceApiModels.VERSION + ".tgz");
            Files.createDirectories(folder);
            Path model = work.resolve("package/model");
            for (String net : FaceApiModels.NETWORKS) {
                copy(model.resolve(net + "_model.bin"), folder);
                copy(model.resolve(net + "_model-weights_manifest.json"), folder);
            }
            copy(work.resolve("package/LICENSE"), folder);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        log.println("face-api's weights are in " + folder);
        return folder;
    }

    private static void copy(Path file, Path folder) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("the npm package @vladmandic/face-api@" + FaceApiModels.VERSION + " has no " + file.getFileName()
                    + "; fetch with scripts/fetch-face-models.sh and report this");
        }
        Path partial = folder.resolve(file.getFileName() + ".partial");
        Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Runs {@code command} in {@code directory}; {@code missing} is the line when it is not installed, {@code hint} follows a failure. */
    private static void run(Path directory, String missing, String hint, String... command) throws IOException {
        Process process;
        try {
            process = ChildProcess.of(command).directory(directory.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(missing, e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (process.waitFor() != 0) {
                String last = output.isEmpty() ? "" : ": " + output.lines().reduce((a, b) -> b).orElse("");
                throw new IOException(String.join(" ", command) + " failed" + last + hint);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + " was interrupted", e);
        }
    }
}
