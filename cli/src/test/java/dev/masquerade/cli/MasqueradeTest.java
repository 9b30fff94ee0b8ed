package dev.masquerade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Device;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The command line as a user meets it. */
class MasqueradeTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Masquerade.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @AfterEach
    void forgetTheDevice() {
        System.clearProperty(Device.SYSTEM_PROPERTY);
    }

    @Test
    void devicesListsTheCpuAsTheDefault() {
        assertEquals(0, run("devices"));
        assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("* cpu")), out.toString());
        assertTrue(out.toString().contains("opencl"), out.toString());
    }

    @Test
    void anUnknownDeviceIsOneClearLineWithoutAStackTrace() {
        assertEquals(1, run("devices", "--device", "opencl:7"));
        assertTrue(err.toString().contains("opencl:7") && err.toString().contains("does not exist"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void aMalformedDeviceIsAUsageError() {
        assertEquals(2, run("--device", "gpu:x", "devices"));
        assertTrue(err.toString().startsWith("masquerade: device: cannot read 'gpu:x'"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void theHelpThatErrorsPointToExistsOnEverySubcommand() {
        assertEquals(2, run("demo", "--nope"));
        assertTrue(err.toString().contains("Run 'masquerade demo --help'"), err.toString());
        assertEquals(0, run("demo", "--help"));
        assertEquals(0, run("faceswap", "train", "--help"));
        assertTrue(out.toString().contains("--steps") && out.toString().contains("--resume"), out.toString());
    }

    @Test
    void anUnknownCommandPointsToHelp() {
        assertEquals(2, run("swap-faces-now"));
        assertTrue(err.toString().contains("--help"), err.toString());
    }

    @Test
    void classifyWithoutTheDatasetSaysHowToGetIt() {
        assertEquals(1, run("classify", "--data", "/nonexistent/fashion", "--epochs", "1"));
        String message = err.toString();
        assertTrue(message.startsWith("masquerade: Fashion-MNIST is not in /nonexistent/fashion"), message);
        assertTrue(message.contains("apt-get install dataset-fashion-mnist"), message);
        assertFalse(message.contains("\tat "), message);
    }
}
