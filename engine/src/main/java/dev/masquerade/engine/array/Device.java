package dev.masquerade.engine.array;

import java.util.Locale;

/**
 * Where a tensor lives: {@code cpu}, or an indexed device of a backend such as {@code opencl:0}.
 *
 * @param type  the backend's name, for example {@code cpu} or {@code opencl}
 * @param index which of that backend's devices; always 0 for the CPU
 */
public record Device(String type, int index) {

    /** The pure-Java CPU backend. */
    public static final Device CPU = new Device("cpu", 0);

    /** Environment variable that picks the default device, for example {@code MASQUERADE_DEVICE=opencl:0}. */
    public static final String ENVIRONMENT_VARIABLE = "MASQUERADE_DEVICE";
    /** System property that picks the default device; the CLI's {@code --device} sets it. */
    public static final String SYSTEM_PROPERTY = "masquerade.device";

    public Device {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("device: the type must not be empty (use cpu or opencl:N)");
        }
        if (index < 0) {
            throw new IllegalArgumentException("device: index " + index + " is negative (use cpu or opencl:N with N >= 0)");
        }
    }

    /**
     * Parses {@code cpu}, {@code opencl} (meaning {@code opencl:0}) or {@code opencl:N}.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static Device parse(String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            return new Device(trimmed, 0);
        }
        try {
            return new Device(trimmed.substring(0, colon), Integer.parseInt(trimmed.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("device: cannot read '" + text + "': expected cpu or opencl:N, e.g. opencl:0");
        }
    }

    /**
     * The default device: the system property {@value #SYSTEM_PROPERTY}, else the environment
     * variable {@value #ENVIRONMENT_VARIABLE}, else the CPU.
     */
    public static Device defaultDevice() {
        String chosen = System.getProperty(SYSTEM_PROPERTY);
        if (chosen == null || chosen.isBlank()) {
            chosen = System.getenv(ENVIRONMENT_VARIABLE);
        }
        return chosen == null || chosen.isBlank() ? CPU : parse(chosen);
    }

    @Override
    public String toString() {
        return type.equals("cpu") && index == 0 ? "cpu" : type + ":" + index;
    }
}
