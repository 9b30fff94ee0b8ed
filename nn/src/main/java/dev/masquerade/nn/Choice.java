package dev.masquerade.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The command-line options that name an enum constant, by its lower-case name ("instance", "pix2pix"). */
public final class Choice {
    private Choice() {
    }

    /** The name on the command line: the constant's name in lower case, '_' as '-'. */
    public static String cliName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant of {@code type} that {@code name} names, or an error listing the choices. */
    public static <E extends Enum<E>> E parse(Class<E> type, String name, String what) {
        for (E constant : type.getEnumConstants()) {
            if (cliName(constant).equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + name + "': use "
                + Arrays.stream(type.getEnumConstants()).map(Choice::cliName).collect(Collectors.joining(", ")));
    }
}
