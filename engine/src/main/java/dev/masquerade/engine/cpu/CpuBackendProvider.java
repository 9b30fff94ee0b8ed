package dev.masquerade.engine.cpu;

import dev.masquerade.engine.Device;
import dev.masquerade.engine.backend.Backend;
import dev.masquerade.engine.backend.BackendProvider;
import java.util.List;

/** Registers the CPU backend with {@link dev.masquerade.engine.backend.Backends}. */
public final class CpuBackendProvider implements BackendProvider {
    private static final CpuBackend BACKEND = new CpuBackend();

    @Override
    public String type() {
        return "cpu";
    }

    @Override
    public List<DeviceInfo> devices() {
        return List.of(new DeviceInfo(Device.CPU, "Java " + Runtime.version().feature() + ", plain-Java kernels, "
                + CpuThreads.threads() + " threads"));
    }

    @Override
    public Backend open(Device device) {
        return BACKEND;
    }
}
