package dev.masquerade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.array.Device;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The command line as a user meets it. */
class MasqueradeTest {
    private final CommandLineUser user = new CommandLineUser();


    @AfterEach
    void forgetTheDevice() {
        System.clearProperty(Device.SYSTEM_PROPERTY);
    }

    @Test
    void devicesListsTheCpuAsTheDefault() {
        assertEquals(0, user.run("devices"));
        assertTrue(user.out().lines().anyMatch(l -> l.startsWith("* cpu")), user.out());
        assertTrue(user.out().contains("opencl"), user.out());
    }

    @Test
    void anUnknownDeviceIsOneClearLineWithoutAStackTrace() {
        assertEquals(2, user.run("devices", "--device", "opencl:7"));
        assertTrue(user.err().contains("opencl:7") && user.err().contains("does not exist"), user.err());
        assertFalse(user.err().contains("\tat "), user.err());
    }

    @Test
    void aDeviceThatDoesNotExistIsRefusedEvenByACommandThatNeverOpensIt() {
        for (String device : new String[] {"cpu:1", "opencl:9"}) {
            assertEquals(2, user.run("--device", device, "tutorial", "--help"));
            assertTrue(user.err().contains(device) && user.err().contains("does not exist"), user.err());
            assertFalse(user.err().contains("\tat "), user.err());
        }
    }

    @Test
    void aMalformedDeviceIsAUsageError() {
        assertEquals(2, user.run("--device", "gpu:x", "devices"));
        assertTrue(user.err().startsWith("masquerade: device: cannot read 'gpu:x'"), user.err());
        assertFalse(user.err().contains("\tat "), user.err());
    }

    @Test
    void theHelpThatErrorsPointToExistsOnEverySubcommand() {
        assertEquals(2, user.run("demo", "--nope"));
        assertTrue(user.err().contains("Run 'masquerade demo --help'"), user.err());
        assertEquals(0, user.run("demo", "--help"));
        assertEquals(0, user.run("faceswap", "train", "--help"));
        assertTrue(user.out().contains("--steps") && user.out().contains("--resume"), user.out());
    }

    @Test
    void anUnknownCommandPointsToHelp() {
        assertEquals(2, user.run("swap-faces-now"));
        assertTrue(user.err().contains("--help"), user.err());
    }

    @Test
    void classifyWithoutTheDatasetSaysHowToGetIt() {
        assertEquals(1, user.run("classify", "--data", "/nonexistent/fashion", "--epochs", "1"));
        String message = user.err();
        assertTrue(message.startsWith("masquerade: Fashion-MNIST is not in /nonexistent/fashion"), message);
        assertTrue(message.contains("apt-get install dataset-fashion-mnist"), message);
        assertFalse(message.contains("\tat "), message);
    }
}
