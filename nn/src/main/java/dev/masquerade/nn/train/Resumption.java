package dev.masquerade.nn.train;

import dev.masquerade.nn.io.Checkpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * What a trainer checks before it resumes a run from its checkpoint: that there is one, that it
 * was made with the settings the run is given now (a resumed run with another architecture or
 * data would load weights of the wrong shape, or quietly train something else), and that it
 * leaves steps to do. Each refusal is one line that says what to give instead.
 */
public final class Resumption {
    private Resumption() {
    }

    /**
     * The steps the checkpoint has done ({@code steps_done} in its config). Every entry of
     * {@code settings} must equal the checkpoint's, except those named in {@code free}.
     */
    public static long stepsDone(Path checkpoint, Map<String, Object> settings, Set<String> free, long steps) throws IOException {
        return stepsDone(checkpoint, settings, free, Map.of(), steps);
    }

    /**
     * As {@link #stepsDone(Path, Map, Set, long)}, naming in a refusal the command-line option
     * that sets each setting ({@code options}: setting → option, such as learning_rate → --lr).
     */
    public static long stepsDone(Path checkpoint, Map<String, Object> settings, Set<String> free, Map<String, String> options, long steps)
            throws IOException {
        if (!Files.exists(checkpoint)) {
            throw new IOException("cannot resume: " + checkpoint.getParent() + " has no " + checkpoint.getFileName() + " (start without --resume)");
        }
        Map<String, Object> saved = Checkpoint.load(checkpoint).config();
        for (Map.Entry<String, Object> setting : settings.entrySet()) {
            String name = setting.getKey();
            if (!free.contains(name) && !String.valueOf(setting.getValue()).equals(String.valueOf(saved.get(name)))) {
                String option = options.getOrDefault(name, name.replace('_', '-'));
                throw new IOException("cannot resume: " + checkpoint + " was trained with " + option + " " + plain(saved.get(name)) + ", not "
                        + plain(setting.getValue()) + "; give the same " + option + " or start a new run");
            }
        }
        long done = ((Number) saved.get("steps_done")).longValue();
        if (done >= steps) {
            throw new IOException("nothing to resume: " + checkpoint.getParent() + " has trained " + done + " steps already; pass --steps above "
                    + done + " to train on");
        }
        return done;
    }

    /** A run's settings as its checkpoint records them: with {@code steps_done}, which {@link #stepsDone} reads back. */
    public static Map<String, Object> withSteps(Map<String, Object> settings, long stepsDone) {
        Map<String, Object> saved = new java.util.LinkedHashMap<>(settings);
        saved.put("steps_done", stepsDone);
        return saved;
    }

    /** A setting as a person writes it: 0.0005, not 5.0E-4. */
    private static String plain(Object value) {
        return value instanceof Double d && Double.isFinite(d) ? java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
    }
}
