package dev.masquerade.workflow;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress over frames as a plain line at every tenth of the way ("extract: 30% (81/270 frames),
 * …, 0.13 s a frame"): as readable in a log file as on a terminal.
 */
final class ProgressLines {
    private final String task;
    private final int total;
    private final PrintWriter log;
    private final long start = System.nanoTime();
    private int done;

    ProgressLines(String task, int total, PrintWriter log) {
        this.task = task;
        this.total = Math.max(1, total);
        this.log = log;
    }

    /** One more frame done; {@code detail} goes into the line when one is due. */
    void frameDone(String detail) {
        done++;
        if (done == total || done * 10L / total != (done - 1) * 10L / total) {
            log.printf(Locale.ROOT, "%s: %d%% (%d/%d frames), %s, %.2f s a frame%n", task, 100L * done / total, done, total, detail,
                    (System.nanoTime() - start) / 1e9 / done);
            log.flush();
        }
    }
}
