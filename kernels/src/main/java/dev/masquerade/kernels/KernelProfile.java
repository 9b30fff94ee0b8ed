package dev.masquerade.kernels;

import static org.jocl.CL.CL_PROFILING_COMMAND_END;
import static org.jocl.CL.CL_PROFILING_COMMAND_START;
import static org.jocl.CL.CL_QUEUE_PROFILING_ENABLE;
import static org.jocl.CL.CL_QUEUE_PROPERTIES;
import static org.jocl.CL.clGetEventProfilingInfo;
import static org.jocl.CL.clReleaseEvent;
import static org.jocl.CL.clWaitForEvents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_event;
import org.jocl.cl_queue_properties;

/**
 * Where a device's time goes, kernel by kernel: with {@code -Dmasquerade.opencl.profile=true}
 * the queue records when each launch started and ended on the device (OpenCL's profiling
 * events), and when the program exits a table on standard error lists every kernel (with the
 * compile options that chose its tiling) by its total device time. Each launch is waited for,
 * so the device never runs two kernels at once and the times add up; the wall-clock time of a
 * profiled run is therefore longer than a normal one. Device time well below wall-clock time
 * means the device waits for the host: launch overhead, not kernels, is what to shorten.
 */
final class KernelProfile {
    private final String deviceName;
    private final boolean enabled;
    /** Per kernel label: launches and device nanoseconds. */
    private final Map<String, long[]> byKernel = new HashMap<>();
    private final long started = System.nanoTime();

    /** A profile that records (enabled) or does nothing; nothing is printed unless asked for with {@link #forProcess}. */
    KernelProfile(String deviceName, boolean enabled) {
        this.deviceName = deviceName;
        this.enabled = enabled;
    }

    /** The profile a backend keeps: on with -Dmasquerade.opencl.profile=true, its table printed to standard error at exit. */
    static KernelProfile forProcess(String deviceName) {
        KernelProfile profile = new KernelProfile(deviceName, Boolean.getBoolean("masquerade.opencl.profile"));
        if (profile.enabled) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.print(profile.table())));
        }
        return profile;
    }

    /** The queue's properties: profiling on where asked for. */
    cl_queue_properties queueProperties() {
        cl_queue_properties properties = new cl_queue_properties();
        if (enabled) {
            properties.addProperty(CL_QUEUE_PROPERTIES, CL_QUEUE_PROFILING_ENABLE);
        }
        return properties;
    }

    /** An event for the next launch to fill in, or null when profiling is off. */
    cl_event event() {
        return enabled ? new cl_event() : null;
    }

    /** Waits for the launch behind {@code event} and adds its device time to {@code kernel}'s (nothing when the event is null). */
    synchronized void record(String kernel, cl_event event) {
        if (event == null) {
            return;
        }
        clWaitForEvents(1, new cl_event[] {event});
        long[] start = new long[1], end = new long[1];
        clGetEventProfilingInfo(event, CL_PROFILING_COMMAND_START, Sizeof.cl_ulong, Pointer.to(start), null);
        clGetEventProfilingInfo(event, CL_PROFILING_COMMAND_END, Sizeof.cl_ulong, Pointer.to(end), null);
        clReleaseEvent(event);
        long[] entry = byKernel.computeIfAbsent(kernel, k -> new long[2]);
        entry[0]++;
        entry[1] += end[0] - start[0];
    }

    /** The table: kernel, launches, total and mean device time, share of all device time; the device and wall-clock totals last. */
    synchronized String table() {
        List<Map.Entry<String, long[]>> rows = new ArrayList<>(byKernel.entrySet());
        rows.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
        long total = rows.stream().mapToLong(r -> r.getValue()[1]).sum();
        StringBuilder out = new StringBuilder("OpenCL kernel profile on " + deviceName + "\n");
        out.append(String.format(Locale.ROOT, "%10s %12s %10s %7s  %s%n", "launches", "device ms", "mean us", "share", "kernel"));
        for (Map.Entry<String, long[]> row : rows) {
            long[] v = row.getValue();
            out.append(String.format(Locale.ROOT, "%10d %12.3f %10.2f %6.1f%%  %s%n", v[0], v[1] / 1e6, v[1] / 1e3 / v[0],
                    100.0 * v[1] / Math.max(1, total), row.getKey()));
        }
        out.append(String.format(Locale.ROOT, "device time %.1f ms in all; %.1f ms of wall-clock time since the backend started%n",
                total / 1e6, (System.nanoTime() - started) / 1e6));
        return out.toString();
    }
}
