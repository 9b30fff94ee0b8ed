package dev.masquerade.benchmarks;

import static org.jocl.CL.CL_CONTEXT_PLATFORM;
import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clCreateCommandQueueWithProperties;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clReleaseCommandQueue;
import static org.jocl.CL.clReleaseContext;
import static org.jocl.CL.clReleaseMemObject;

import dev.masquerade.kernels.OpenCl;
import java.util.Random;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.blast.CLBlast;
import org.jocl.blast.CLBlastLayout;
import org.jocl.blast.CLBlastTranspose;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_mem;
import org.jocl.cl_queue_properties;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * sgemm_N through CLBlast (the tuned OpenCL BLAS, via jocl-blast) on the same OpenCL device
 * as {@link OpenClSgemm}: the yardstick for the engine's hand-written kernels. Each call
 * multiplies two N × N matrices into a third and reads one number back, like OpenClSgemm.
 */
@State(Scope.Benchmark)
public class ClBlastSgemm extends EngineBenchmark {
    @Param({"256", "512", "1024", "2048"})
    public int n;
    private cl_context context;
    private cl_command_queue queue;
    private cl_mem a;
    private cl_mem b;
    private cl_mem c;

    @Setup
    public void setUp() {
        int index = Integer.parseInt(System.getProperty("masquerade.opencl.device", "opencl:0").replace("opencl:", ""));
        OpenCl.Availability availability = OpenCl.probe();
        if (index >= availability.devices().size()) {
            throw new IllegalStateException("no OpenCL device " + index + ": " + (availability.available()
                    ? availability.devices().size() + " found" : availability.reason()));
        }
        OpenCl.DeviceEntry entry = availability.devices().get(index);
        cl_context_properties properties = new cl_context_properties();
        properties.addProperty(CL_CONTEXT_PLATFORM, entry.platform());
        context = clCreateContext(properties, 1, new cl_device_id[] {entry.device()}, null, null, null);
        queue = clCreateCommandQueueWithProperties(context, entry.device(), new cl_queue_properties(), null);
        CLBlast.setExceptionsEnabled(true);
        a = randomMatrix(1);
        b = randomMatrix(2);
        c = clCreateBuffer(context, CL_MEM_READ_WRITE, (long) n * n * Sizeof.cl_float, null, null);
    }

    private cl_mem randomMatrix(long seed) {
        Random random = new Random(seed);
        float[] values = new float[n * n];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return clCreateBuffer(context, CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR, (long) values.length * Sizeof.cl_float, Pointer.to(values), null);
    }

    @Benchmark
    public float sgemm() {
        CLBlast.CLBlastSgemm(CLBlastLayout.CLBlastLayoutRowMajor, CLBlastTranspose.CLBlastTransposeNo, CLBlastTranspose.CLBlastTransposeNo,
                n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n, queue, null);
        float[] first = new float[1];
        clEnqueueReadBuffer(queue, c, CL_TRUE, 0, Sizeof.cl_float, Pointer.to(first), 0, null, null); // waits for the product
        return first[0];
    }

    @TearDown
    public void tearDown() {
        clReleaseMemObject(a);
        clReleaseMemObject(b);
        clReleaseMemObject(c);
        clReleaseCommandQueue(queue);
        clReleaseContext(context);
    }
}
