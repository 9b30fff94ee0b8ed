package dev.masquerade.engine.cpu;

import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.backend.Backend;
import dev.masquerade.engine.backend.BackendProvider;
import java.util.List;

/** Registers the CPU backend with {@link dev.masquerade.engine.backend.Backends}. */
public final class CpuBackendProvider implements BackendProvider {
    private static final ReferenceCpuBackend BACKEND = CpuFeatures.VECTOR ? new FastCpuBackend() : new ReferenceCpuBackend();

    @Override
    public String type() {
        return "cpu";
    }

    @Override
    public List<DeviceInfo> devices() {
        return List.of(new DeviceInfo(Device.CPU, "Java " + Runtime.version().feature() + ", " + CpuThreads.threads() + " threads, " + CpuFeatures.describe()));
    }

    @Override
    public Backend open(Device device) {
        return BACKEND;
    }
}
