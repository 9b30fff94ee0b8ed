package dev.masquerade.cli;

import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.backend.Backends;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/**
 * The {@code masquerade} command. Subcommands do the work; this class holds the options every
 * subcommand shares and turns failures into one clear line (a stack trace only with --verbose).
 */
@Command(name = "masquerade", mixinStandardHelpOptions = true, version = "masquerade 0.1.0",
        description = "A from-scratch deep-learning engine that teaches how deepfakes are made.",
        subcommands = {DemoCommand.class, FaceswapCommand.class, FacesCommand.class, GanCommand.class, TranslateCommand.class, DetectCommand.class, MotionCommand.class, VoiceCommand.class, AutoencoderCommand.class, ExportCommand.class, ImportCommand.class, TutorialCommand.class, ClassifyCommand.class, DevicesCommand.class,
                CourseworkCommand.class,
                CommandLine.HelpCommand.class})
public final class Masquerade implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private boolean verbose;

    /** Chooses the default device for everything this run does. */
    @Option(names = "--device", scope = ScopeType.INHERIT, paramLabel = "DEVICE",
            description = "Where tensors live: cpu or opencl:N (default: $MASQUERADE_DEVICE, else cpu).")
    void device(String text) {
        Device device = Device.parse(text);
        Backends.of(device); // a device that does not exist is refused here, not ignored by a command that never opens it
        System.setProperty(Device.SYSTEM_PROPERTY, device.toString());
    }

    /** Prints stack traces of failures. */
    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    void verbose(boolean on) {
        this.verbose = on;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        Masquerade root = new Masquerade();
        CommandLine line = new CommandLine(root);
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler((exception, command, parsed) -> {
            if (root.verbose) {
                exception.printStackTrace(command.getErr());
            } else {
                command.getErr().println("masquerade: " + ErrorLine.of(exception) + " (run with --verbose for details)");
            }
            return 1;
        });
        line.setParameterExceptionHandler((exception, rejected) -> {
            CommandLine command = exception.getCommandLine();
            // An option setter's own IllegalArgumentException already says what is wrong and how to fix it.
            Throwable cause = exception.getCause();
            String message = cause instanceof IllegalArgumentException ? cause.getMessage() : exception.getMessage();
            if (exception instanceof CommandLine.MutuallyExclusiveArgsException) { // picocli's own text names its internals
                message = "give exactly one of " + command.getCommandSpec().argGroups().get(0).synopsis() + ", each option once";
            }
            command.getErr().println("masquerade: " + message);
            command.getErr().println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
            return 2;
        });
        String fromEnvironment = badDeviceInEnvironment(args);
        if (fromEnvironment != null) {
            err.println("masquerade: " + fromEnvironment);
            err.flush();
            return 2;
        }
        try {
            return line.execute(args);
        } catch (OutOfMemoryError full) {
            // Picocli passes Errors through; this one is usually a --batch-size too large for the heap.
            if (root.verbose) {
                full.printStackTrace(err);
            } else {
                err.println("masquerade: " + outOfMemory(Runtime.getRuntime().maxMemory()) + " (run with --verbose for details)");
            }
            err.flush();
            return 1;
        }
    }

    /**
     * What is wrong with the device that {@value Device#ENVIRONMENT_VARIABLE} names, where no --device
     * overrides it; null when nothing is. Checked first, so that no command ignores a bad value.
     */
    private static String badDeviceInEnvironment(String... args) {
        String named = System.getenv(Device.ENVIRONMENT_VARIABLE);
        boolean overridden = java.util.Arrays.stream(args).anyMatch(a -> a.equals("--device") || a.startsWith("--device="));
        if (named == null || named.isBlank() || overridden) {
            return null;
        }
        try {
            Backends.of(Device.parse(named));
            return null;
        } catch (IllegalArgumentException e) {
            return Device.ENVIRONMENT_VARIABLE + "=" + named + " names no device here (" + e.getMessage() + "); set it to cpu or"
                    + " opencl:N (see 'masquerade devices --device cpu'), or unset it";
        }
    }

    /** The line for a full heap: what ran out, and the two ways out of it. */
    static String outOfMemory(long maxHeapBytes) {
        return String.format("out of memory: Java's heap (at most %.1f GB) is full; ask for less at once (a smaller --batch-size, or fewer of whatever the command makes),"
                + " or give Java more memory, e.g. MASQUERADE_JAVA_OPTS=-Xmx16g ./masquerade ...", maxHeapBytes / 1e9);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(out, err, args));
    }
}
