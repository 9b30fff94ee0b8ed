package dev.masquerade.engine.backend;

import dev.masquerade.engine.array.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/** Finds backend providers on the classpath and hands out one backend per device. */
public final class Backends {
    private static final List<BackendProvider> PROVIDERS = load();
    private static final Map<Device, Backend> OPEN = new ConcurrentHashMap<>();

    private Backends() {
    }

    private static List<BackendProvider> load() {
        List<BackendProvider> providers = new ArrayList<>();
        ServiceLoader.load(BackendProvider.class).forEach(providers::add);
        providers.sort(java.util.Comparator.comparing(p -> !p.type().equals("cpu"))); // the CPU first
        return List.copyOf(providers);
    }

    /** Every provider found, the CPU's first. */
    public static List<BackendProvider> providers() {
        return PROVIDERS;
    }

    /**
     * The backend of a device, opened on first use.
     *
     * @throws IllegalArgumentException when no provider serves the device's type, or the device
     *                                  index does not exist, naming what is available
     */
    public static Backend of(Device device) {
        return OPEN.computeIfAbsent(device, Backends::open);
    }

    private static Backend open(Device device) {
        for (BackendProvider provider : PROVIDERS) {
            if (provider.type().equals(device.type())) {
                boolean exists = provider.devices().stream().anyMatch(info -> info.device().equals(device));
                if (!exists) {
                    String reason = provider.unavailableReason();
                    throw new IllegalArgumentException("device " + device + " does not exist: "
                            + (reason.isEmpty() ? "available are " + provider.devices().stream().map(i -> i.device().toString()).toList() : reason)
                            + " (run 'masquerade devices' to list them)");
                }
                return provider.open(device);
            }
        }
        List<String> types = PROVIDERS.stream().map(BackendProvider::type).toList();
        throw new IllegalArgumentException("device " + device + ": no backend of type '" + device.type()
                + "' is on the classpath (found " + types + "); OpenCL needs the masquerade kernels module");
    }
}
