package dev.masquerade.cli;

import dev.masquerade.workflow.FaceSorter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code masquerade faceswap sort}: an extraction folder copied in an order that puts the bad faces together. */
@Command(mixinStandardHelpOptions = true, name = "sort",
        description = "Sort an extraction folder's faces into a new folder, to clean the set by eye: --by blur (sharpest first, numbered),"
                + " pose (by yaw, numbered) or identity (one folder per person, identity_1 the largest). Delete the bad crops there and train"
                + " or convert with that folder; the input is left as it is.")
final class FaceswapSortCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A folder written by faceswap extract (or by sort).")
    private Path in;

    @Option(names = "--by", required = true, description = "blur, pose or identity.")
    private String by;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new or empty folder for the sorted faces.")
    private Path out;

    @Option(names = "--threshold", defaultValue = "0.6",
            description = "For identity: descriptor distance under which a face joins a person (default: ${DEFAULT-VALUE}, face-api's).")
    private double threshold;

    @Override
    public Integer call() throws Exception {
        FaceSorter.By order = FaceSorter.By.parse(by);
        Map<String, Object> summary = FaceSorter.sort(in, order, out, threshold);
        PrintWriter log = spec.commandLine().getOut();
        if (order == FaceSorter.By.IDENTITY) {
            List<?> sizes = (List<?>) summary.get("identities");
            log.printf(Locale.ROOT, "%d identities, faces in each: %s; wrote %s/identity_1 to identity_%d%n", sizes.size(), sizes, out, sizes.size());
        } else {
            log.printf(Locale.ROOT, "%d faces sorted by %s into %s (see sort.json)%n", ((List<?>) summary.get("faces")).size(), by, out);
        }
        return 0;
    }
}
