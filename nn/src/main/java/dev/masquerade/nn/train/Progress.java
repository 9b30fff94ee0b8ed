package dev.masquerade.nn.train;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar for one epoch with the running loss and steps per second; silent when disabled. */
public final class Progress implements AutoCloseable {
    private final ProgressBar bar;
    private final long started = System.nanoTime();
    private long done;
    private boolean closed;

    public Progress(String task, long total, boolean enabled) {
        this.bar = enabled ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate().build() : null;
    }

    /** One step done, with its loss. */
    public void step(double loss) {
        done++;
        if (bar != null) {
            double seconds = (System.nanoTime() - started) / 1e9;
            bar.step();
            bar.setExtraMessage(String.format(" loss %.4f, %.1f steps/s", loss, done / Math.max(seconds, 1e-9)));
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
