package dev.masquerade.engine.backend;

import dev.masquerade.engine.array.Device;
import java.util.List;

/**
 * Makes a backend's devices known to the engine. Providers are found with
 * {@link java.util.ServiceLoader}, so the engine never depends on a backend's library (JOCL):
 * a module that implements this interface and lists itself in
 * {@code META-INF/services/dev.masquerade.engine.backend.BackendProvider} joins in by being on
 * the classpath.
 */
public interface BackendProvider {

    /** The device type this provider serves, for example {@code cpu} or {@code opencl}. */
    String type();

    /**
     * The devices available on this machine, each with a one-line description. Returns an empty
     * list (never throws) when the backend's runtime is missing; {@link #unavailableReason()}
     * then says why.
     */
    List<DeviceInfo> devices();

    /** Why no device is available, with the fix, or an empty string when devices exist. */
    default String unavailableReason() {
        return "";
    }

    /** The backend for one of this provider's devices. */
    Backend open(Device device);

    /** A device and what it is, for listings such as {@code masquerade devices}. */
    record DeviceInfo(Device device, String description) {
    }
}
