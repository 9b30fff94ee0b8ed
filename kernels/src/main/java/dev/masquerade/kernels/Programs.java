package dev.masquerade.kernels;

import static org.jocl.CL.CL_KERNEL_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;
import static org.jocl.CL.clBuildProgram;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clCreateProgramWithSource;
import static org.jocl.CL.clGetKernelWorkGroupInfo;
import static org.jocl.CL.clGetProgramBuildInfo;

import dev.masquerade.engine.backend.BinaryOp;
import dev.masquerade.engine.backend.ReduceOp;
import dev.masquerade.engine.backend.UnaryOp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_program;

/**
 * Compiles the {@code .cl} resources of this package once per context and hands out their
 * kernels. A build failure names the file, the device and the compiler's log. A line
 * {@code #include "name.cl"} is replaced by that resource before compiling: a program built
 * from a string has no folder in which the OpenCL compiler could look for it.
 *
 * <p>Every build also gets the engine's opcodes as defines made from the Java enums
 * ({@code -DUNARY_EXP=1 -DBINARY_MUL=2 -DREDUCE_MAX=1 ...}), so a kernel's {@code switch}
 * names each case, and an opcode added to an enum cannot shift the others unnoticed.
 */
final class Programs {
    /** The opcode defines every build gets: {@code -DUNARY_NEG=0 -DUNARY_EXP=1 ... -DREDUCE_MAX=1}. */
    static final String OPCODES = String.join(" ", opcodeDefines("UNARY", UnaryOp.values()), opcodeDefines("BINARY", BinaryOp.values()),
            opcodeDefines("REDUCE", ReduceOp.values()));

    private final cl_context context;
    private final cl_device_id device;
    private final String deviceName;
    private final Map<String, cl_program> built = new HashMap<>();
    private final Map<String, cl_kernel> kernels = new HashMap<>();
    /** What each kernel handed out is called in a profile: its name and the defines it was built with. */
    private final Map<cl_kernel, String> labels = new IdentityHashMap<>();

    Programs(cl_context context, cl_device_id device, String deviceName) {
        this.context = context;
        this.device = device;
        this.deviceName = deviceName;
    }

    /** Kernel {@code name} of resource {@code file} (e.g. "elementwise.cl"), built on first use. */
    cl_kernel kernel(String file, String name) {
        return kernel(file, name, "");
    }

    /**
     * As above, the file compiled with extra compiler options such as {@code "-DMR=6 -DNV=2"}:
     * the tile sizes of a kernel are defines, so each choice is its own build, cached apart.
     */
    synchronized cl_kernel kernel(String file, String name, String defines) {
        return kernels.computeIfAbsent(file + " " + defines + "#" + name, key -> {
            cl_kernel kernel = clCreateKernel(program(file, defines), name, null);
            labels.put(kernel, defines.isEmpty() ? name : name + " " + defines);
            return kernel;
        });
    }

    /** "matmul_register_blocked -DTSM=128 ...": the name and defines of a kernel this class built. */
    synchronized String label(cl_kernel kernel) {
        return labels.getOrDefault(kernel, "?");
    }

    /** The largest work-group this kernel can be launched with on the device (fewer where it needs many registers). */
    long workGroupLimit(cl_kernel kernel) {
        long[] limit = new long[1];
        clGetKernelWorkGroupInfo(kernel, device, CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(limit), null);
        return limit[0];
    }

    private cl_program program(String file, String defines) {
        return built.computeIfAbsent(file + " " + defines, key -> {
            cl_program program = clCreateProgramWithSource(context, 1, new String[] {source(file)}, null, null);
            try {
                clBuildProgram(program, 1, new cl_device_id[] {device}, "-cl-std=CL1.2 " + OPCODES + " " + defines, null, null);
            } catch (CLException e) {
                throw new IllegalStateException("OpenCL kernel file " + file + (defines.isEmpty() ? "" : " (" + defines + ")")
                        + " failed to build on " + deviceName + ":\n" + buildLog(program), e);
            }
            return program;
        });
    }

    private String buildLog(cl_program program) {
        long[] size = new long[1];
        clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, 0, null, size);
        byte[] log = new byte[(int) size[0]];
        clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, log.length, Pointer.to(log), null);
        return new String(log, StandardCharsets.UTF_8).trim();
    }

    private static String opcodeDefines(String family, Enum<?>[] opcodes) {
        StringBuilder out = new StringBuilder();
        for (Enum<?> op : opcodes) {
            out.append(out.length() == 0 ? "" : " ").append("-D").append(family).append('_').append(op.name()).append('=').append(op.ordinal());
        }
        return out.toString();
    }

    private static String source(String file) {
        StringBuilder out = new StringBuilder();
        for (String line : resource(file).split("\n", -1)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#include \"") && trimmed.endsWith("\"")) {
                out.append(source(trimmed.substring("#include \"".length(), trimmed.length() - 1))).append('\n');
            } else {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    static String resource(String file) {
        try (InputStream in = Programs.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("kernel source " + file + " is missing from the kernels jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kernel source " + file, e);
        }
    }
}
