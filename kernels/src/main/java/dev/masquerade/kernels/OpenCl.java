package dev.masquerade.kernels;

import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.CL_DEVICE_TYPE_CPU;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_DEVICE_VERSION;
import static org.jocl.CL.CL_PLATFORM_NAME;
import static org.jocl.CL.clGetDeviceIDs;
import static org.jocl.CL.clGetDeviceInfo;
import static org.jocl.CL.clGetPlatformIDs;
import static org.jocl.CL.clGetPlatformInfo;

import java.util.ArrayList;
import java.util.List;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * Finds the OpenCL platforms and devices of this machine, once. JOCL opens
 * {@code libOpenCL.so.1} (the ICD loader) in a static initialiser and throws
 * {@link UnsatisfiedLinkError} when it is missing, so the probe catches that and every other
 * failure and remembers the answer: no OpenCL means a clear reason, never a crash.
 */
public final class OpenCl {
    /** One device: where it sits and what it is. */
    public record DeviceEntry(int index, cl_platform_id platform, cl_device_id device, String platformName, String name,
                              String version, boolean isCpu, boolean isGpu) {
        /** For listings: "pthread-haswell-AMD EPYC (CPU, OpenCL 3.0 PoCL ..., platform Portable Computing Language)". */
        public String describe() {
            return name + " (" + (isGpu ? "GPU" : isCpu ? "CPU" : "accelerator") + ", " + version + ", platform " + platformName + ")";
        }
    }

    /** What the probe found: the devices, or why there are none. */
    public record Availability(List<DeviceEntry> devices, String reason) {
        public boolean available() {
            return !devices.isEmpty();
        }
    }

    private static Availability cached;

    private OpenCl() {
    }

    /** The devices of every platform, numbered in platform order; probed on first call. */
    public static synchronized Availability probe() {
        if (cached == null) {
            cached = discover();
        }
        return cached;
    }

    private static Availability discover() {
        try {
            CL.setExceptionsEnabled(true);
            int[] count = new int[1];
            clGetPlatformIDs(0, null, count);
            if (count[0] == 0) {
                return new Availability(List.of(), "no OpenCL platform is installed; for OpenCL on the CPU run 'sudo apt-get install pocl-opencl-icd'");
            }
            cl_platform_id[] platforms = new cl_platform_id[count[0]];
            clGetPlatformIDs(platforms.length, platforms, null);
            List<DeviceEntry> devices = new ArrayList<>();
            for (cl_platform_id platform : platforms) {
                int[] n = new int[1];
                try {
                    clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, null, n);
                } catch (CLException e) {
                    continue; // a platform without devices
                }
                cl_device_id[] ids = new cl_device_id[n[0]];
                clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, ids.length, ids, null);
                for (cl_device_id id : ids) {
                    long[] type = new long[1];
                    clGetDeviceInfo(id, CL_DEVICE_TYPE, Sizeof.cl_long, Pointer.to(type), null);
                    devices.add(new DeviceEntry(devices.size(), platform, id, platformString(platform), deviceString(id, CL_DEVICE_NAME),
                            deviceString(id, CL_DEVICE_VERSION), (type[0] & CL_DEVICE_TYPE_CPU) != 0, (type[0] & CL_DEVICE_TYPE_GPU) != 0));
                }
            }
            return devices.isEmpty()
                    ? new Availability(List.of(), "the OpenCL platforms report no devices; check the driver, or install pocl-opencl-icd for the CPU")
                    : new Availability(List.copyOf(devices), "");
        } catch (LinkageError e) {
            return new Availability(List.of(), "the OpenCL library libOpenCL.so.1 is missing; install it with "
                    + "'sudo apt-get install ocl-icd-libopencl1 pocl-opencl-icd'");
        } catch (CLException e) {
            return new Availability(List.of(), "OpenCL failed while listing platforms (" + e.getMessage()
                    + "); install an OpenCL driver, e.g. 'sudo apt-get install pocl-opencl-icd'");
        }
    }

    private static String platformString(cl_platform_id platform) {
        long[] size = new long[1];
        clGetPlatformInfo(platform, CL_PLATFORM_NAME, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        clGetPlatformInfo(platform, CL_PLATFORM_NAME, bytes.length, Pointer.to(bytes), null);
        return text(bytes);
    }

    static String deviceString(cl_device_id device, int parameter) {
        long[] size = new long[1];
        clGetDeviceInfo(device, parameter, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        clGetDeviceInfo(device, parameter, bytes.length, Pointer.to(bytes), null);
        return text(bytes);
    }

    private static String text(byte[] cString) {
        int end = 0;
        while (end < cString.length && cString[end] != 0) {
            end++;
        }
        return new String(cString, 0, end, java.nio.charset.StandardCharsets.UTF_8).trim();
    }
}
