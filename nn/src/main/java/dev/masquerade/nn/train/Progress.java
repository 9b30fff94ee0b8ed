package dev.masquerade.nn.train;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of one epoch with the running loss and steps per second; silent when disabled. On a
 * terminal it is a bar redrawn in place; when the output goes to a file or a pipe (a log, CI)
 * it is a plain line every tenth of the way, so the log stays readable instead of filling with
 * carriage-return frames.
 */
public final class Progress implements AutoCloseable {
    /** Plain lines come at every this many percent. */
    private static final int LINE_EVERY_PERCENT = 10;

    private final String task;
    private final long total;
    private final ProgressBar bar;
    private final PrintStream lines;
    private final long started = System.nanoTime();
    private long done;
    private int nextPercent = LINE_EVERY_PERCENT;
    private boolean closed;

    public Progress(String task, long total, boolean enabled) {
        this(task, total, enabled, System.console() != null, System.err);
    }

    /** As above, told whether the output is a terminal and where plain lines go (tests). */
    Progress(String task, long total, boolean enabled, boolean terminal, PrintStream lines) {
        this.task = task;
        this.total = total;
        this.bar = enabled && terminal ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate().build() : null;
        this.lines = enabled && !terminal ? lines : null;
    }

    /** One step done, with its loss. */
    public void step(double loss) {
        done++;
        double perSecond = done / Math.max((System.nanoTime() - started) / 1e9, 1e-9);
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f, %.1f steps/s", loss, perSecond));
        } else if (lines != null && total > 0 && (100 * done / total >= nextPercent || done == total)) {
            long percent = 100 * done / total;
            lines.printf(Locale.ROOT, "%s: %d%% (%d/%d), loss %.4f, %.1f steps/s%n", task, percent, done, total, loss, perSecond);
            nextPercent = (int) (percent / LINE_EVERY_PERCENT + 1) * LINE_EVERY_PERCENT;
        }
    }

    /** Ends the bar; closing it again does nothing, so a caller may end it early inside try-with-resources. */
    @Override
    public void close() {
        if (bar != null && !closed) {
            bar.close();
        }
        closed = true;
    }
}
