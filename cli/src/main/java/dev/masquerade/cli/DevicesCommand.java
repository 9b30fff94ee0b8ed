package dev.masquerade.cli;

import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.backend.BackendProvider;
import dev.masquerade.engine.backend.Backends;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code masquerade devices}: every device this machine offers, the default one marked. */
@Command(mixinStandardHelpOptions = true, name = "devices", description = "List the CPU and every OpenCL platform and device; * marks the default.")
final class DevicesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        Device chosen = Device.defaultDevice();
        boolean chosenExists = false;
        boolean openclSeen = false;
        for (BackendProvider provider : Backends.providers()) {
            openclSeen |= provider.type().equals("opencl");
            List<BackendProvider.DeviceInfo> devices = provider.devices();
            if (devices.isEmpty()) {
                out.printf("  %-10s none: %s%n", provider.type(), provider.unavailableReason());
            }
            for (BackendProvider.DeviceInfo info : devices) {
                boolean isDefault = info.device().equals(chosen);
                chosenExists |= isDefault;
                out.printf("%s %-10s %s%n", isDefault ? "*" : " ", info.device(), info.description());
            }
        }
        if (!openclSeen) {
            out.printf("  %-10s none: the OpenCL backend (masquerade kernels module) is not on the classpath%n", "opencl");
        }
        if (!chosenExists) {
            spec.commandLine().getErr().println("masquerade: the default device " + chosen + " (from --device or "
                    + Device.ENVIRONMENT_VARIABLE + ") does not exist; choose one of those listed");
            return 1;
        }
        return 0;
    }
}
