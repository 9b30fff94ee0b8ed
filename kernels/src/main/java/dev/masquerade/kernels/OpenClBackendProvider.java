package dev.masquerade.kernels;

import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.backend.Backend;
import dev.masquerade.engine.backend.BackendProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Makes every OpenCL device of the machine available as {@code opencl:N}. */
public final class OpenClBackendProvider implements BackendProvider {
    private static final Map<Integer, OpenClBackend> OPEN = new ConcurrentHashMap<>();

    @Override
    public String type() {
        return "opencl";
    }

    @Override
    public List<DeviceInfo> devices() {
        return OpenCl.probe().devices().stream()
                .map(d -> new DeviceInfo(new Device("opencl", d.index()), d.describe() + "; on device so far: " + OpenClBackend.SUPPORTED))
                .toList();
    }

    @Override
    public String unavailableReason() {
        return OpenCl.probe().reason();
    }

    @Override
    public Backend open(Device device) {
        return OPEN.computeIfAbsent(device.index(), i -> new OpenClBackend(OpenCl.probe().devices().get(i)));
    }
}
