package dev.masquerade.engine;

import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.array.Storage;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tensors as arrays: creation, views, broadcasting, printing and the errors users see. */
class TensorTest {

    private static Tensor matrix(int rows, int cols) {
        return Tensor.arange(0, rows * cols, 1, DType.F32, Device.CPU).reshape(rows, cols);
    }

    @Test
    void viewsShareStorageAndCopyNothing() {
        Tensor m = matrix(3, 4);
        for (Tensor view : List.of(m.transpose(0, 1), m.narrow(1, 1, 2), m.slice(0, 0, 3, 2), m.unsqueeze(0).expand(5, 3, 4), m.reshape(12))) {
            assertSame(m.storage(), view.storage());
        }
        assertFalse(m.transpose(0, 1).isContiguous());
        assertArrayEquals(new float[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, m.transpose(0, 1).toFloatArray());
        assertArrayEquals(new float[] {1, 2, 5, 6, 9, 10}, m.narrow(1, 1, 2).toFloatArray());
        assertArrayEquals(new float[] {0, 1, 2, 3, 8, 9, 10, 11}, m.slice(0, 0, 3, 2).toFloatArray());
    }

    @Test
    void contiguousCopiesOnlyWhenNeeded() {
        Tensor m = matrix(2, 3);
        assertSame(m, m.contiguous());
        Tensor t = m.transpose(0, 1).contiguous();
        assertNotSame(m.storage(), t.storage());
        assertTrue(t.isContiguous());
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, t.toFloatArray());
    }

    @Test
    void viewRefusesANonContiguousTensorButReshapeCopies() {
        Tensor t = matrix(2, 3).transpose(0, 1);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> t.view(6));
        assertTrue(error.getMessage().contains("not contiguous"), error.getMessage());
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, t.reshape(-1).toFloatArray());
    }

    @Test
    void broadcastingFollowsNumPy() {
        Tensor a = Tensor.ones(DType.F32, Device.CPU, 2, 1, 3);
        Tensor b = Tensor.ones(DType.F32, Device.CPU, 4, 3);
        assertArrayEquals(new int[] {2, 4, 3}, a.add(b).shape());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> a.add(Tensor.ones(DType.F32, Device.CPU, 2)));
        assertEquals("add: cannot broadcast [2, 1, 3] with [2]: sizes 3 and 2 differ at axis 2 of the result and neither is 1", error.getMessage());
    }

    @Test
    void errorsNameTheOperationAndTheShapes() {
        IllegalArgumentException matmul = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(3, 4).matmul(Tensor.zeros(5, 6)));
        assertEquals("matmul: cannot multiply [3, 4] by [5, 6]: inner dimensions 4 and 5 differ", matmul.getMessage());
        IllegalArgumentException conv = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(1, 3, 8, 8).conv2d(Tensor.zeros(4, 2, 3, 3), null, 1, 1, 1));
        assertTrue(conv.getMessage().startsWith("conv2d: input [1, 3, 8, 8] has 3 channels but weight [4, 2, 3, 3] expects 2"), conv.getMessage());
        IllegalArgumentException dtype = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2).add(Tensor.zeros(DType.F64, Device.CPU, 2)));
        assertTrue(dtype.getMessage().contains("F32 and F64"), dtype.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).sum(new int[] {2}, false));
        assertThrows(IllegalStateException.class, () -> Tensor.zeros(2).item());
    }

    @Test
    void operationsBetweenDevicesFailNamingBoth() {
        Storage storage = new Storage(new Device("opencl", 0), DType.F32, 2) {
        };
        Tensor remote = Tensor.asStrided(storage, new int[] {2}, new int[] {1}, 0);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2).mul(remote));
        assertEquals("mul: tensors are on different devices, cpu and opencl:0; move one with to(Device)", error.getMessage());
    }

    @Test
    void factoriesAreReproducibleFromTheirSeed() {
        assertArrayEquals(Tensor.randn(new Rng(7), 50).toFloatArray(), Tensor.randn(new Rng(7), 50).toFloatArray());
        Tensor normal = Tensor.randn(new Rng(1), DType.F64, Device.CPU, 20_000);
        assertEquals(0, normal.mean().item(), 0.05);
        assertEquals(1, normal.var(new int[0], false).item(), 0.05);
        Tensor uniform = Tensor.rand(new Rng(2), 1000);
        assertTrue(uniform.max().item() < 1 && uniform.neg().max().item() <= 0);
        assertArrayEquals(new float[] {1, 1.5f, 2, 2.5f}, Tensor.arange(1, 3, 0.5, DType.F32, Device.CPU).toFloatArray());
        assertArrayEquals(new float[] {7, 7}, Tensor.full(7, 2).toFloatArray());
    }

    @Test
    void smallTensorsPrintLikeNumPy() {
        assertEquals("tensor([[0.0, 1.0, 2.0],\n        [3.0, 4.0, 5.0]], shape=[2, 3], dtype=F32)", matrix(2, 3).toString());
        assertEquals("tensor(0.5000, shape=[], dtype=F32)", Tensor.scalar(0.5).toString());
        String grad = Tensor.of(new double[] {1, 2}, DType.F64, 2).requiresGrad(true).exp().toString();
        assertTrue(grad.endsWith("grad_fn=exp)"), grad);
    }

    @Test
    void bigTensorsPrintASummary() {
        String text = matrix(100, 100).toString();
        assertTrue(text.contains("...") && text.length() < 400, text);
        assertTrue(text.startsWith("tensor([[0.0, 1.0, 2.0, ..., 97.0, 98.0, 99.0],"), text);
    }

    @Test
    void devicesParseAndDefaultToTheCpu() {
        assertEquals(new Device("opencl", 1), Device.parse("OpenCL:1"));
        assertEquals(Device.CPU, Device.parse("cpu"));
        assertThrows(IllegalArgumentException.class, () -> Device.parse("opencl:x"));
        assertEquals(Device.CPU, Device.defaultDevice());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(DType.F32, new Device("opencl", 0), 1));
        assertTrue(missing.getMessage().contains("opencl"), missing.getMessage());
    }

    @Test
    void argmaxAndArgminGiveTheFirstPositionOfTheExtremeAlongAnAxisOrOverAll() {
        Tensor x = Tensor.of(new float[] {3, 7, 7, 1, 0, 5, 2, 0}, 2, 4);
        assertArrayEquals(new double[] {1, 1}, x.argmax(1, false).toDoubleArray(), "ties go to the first position");
        assertArrayEquals(new double[] {3, 0}, x.argmin(1, false).toDoubleArray());
        assertArrayEquals(new double[] {0, 0, 0, 0}, x.argmax(0, false).toDoubleArray());
        assertArrayEquals(new int[] {2, 1}, x.argmax(1, true).shape());
        assertEquals(DType.I32, x.argmax(1, false).dtype());
        assertEquals(1, x.argmax().item());
        assertEquals(4, x.argmin().item());
    }

    @Test
    void comparisonsGiveZeroOneMasksOfTheTensorsTypeBroadcasting() {
        Tensor x = Tensor.of(new float[] {-1, 0, 2, 3}, 2, 2), limit = Tensor.of(new float[] {0, 3}, 2);
        assertArrayEquals(new double[] {0, 0, 0, 1}, x.eq(limit).toDoubleArray());
        assertArrayEquals(new double[] {0, 0, 1, 0}, x.gt(limit).toDoubleArray());
        assertArrayEquals(new double[] {0, 0, 1, 1}, x.ge(limit).toDoubleArray());
        assertArrayEquals(new double[] {1, 1, 0, 0}, x.lt(limit).toDoubleArray());
        assertArrayEquals(new double[] {1, 1, 0, 1}, x.le(limit).toDoubleArray());
        assertEquals(DType.F32, x.eq(limit).dtype());
    }

    @Test
    void everyFactoryNotToldATypeMakesTheDefaultFloat32() {
        Rng rng = new Rng(0);
        for (Tensor t : List.of(Tensor.of(new double[] {1, 2}, 2), Tensor.zeros(2), Tensor.ones(2), Tensor.full(3, 2), Tensor.scalar(1),
                Tensor.arange(2), Tensor.rand(rng, 2), Tensor.randn(rng, 2))) {
            assertEquals(DType.DEFAULT, t.dtype());
        }
        assertEquals(DType.F32, DType.DEFAULT);
        assertEquals(DType.F64, Tensor.of(new double[] {1, 2}, DType.F64, 2).dtype());
        assertEquals(DType.F64, Tensor.zeros(DType.F64, 2).add(Tensor.of(new double[] {1, 2}, DType.F64, 2)).dtype(), "named types mix");
        assertEquals(DType.F64, Tensor.randn(rng, DType.F64, 2).dtype());
    }

    @Test
    void varianceIsUnbiasedByDefaultAsInPyTorchAndPopulationOnRequest() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 4);
        assertEquals(5.0 / 3, x.var(new int[0], false).item(), 1e-6);
        assertEquals(1.25, x.var(new int[0], false, false).item(), 1e-6);
        assertEquals(Math.sqrt(5.0 / 3), x.std(new int[0], false).item(), 1e-6);
        assertEquals(1, x.min().item());
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[] {1}, 1).var(new int[0], false));
        assertTrue(one.getMessage().contains("at least 2 elements"), one.getMessage());
    }

    @Test
    void aCloneIsNewMemoryThatGradientsPassThrough() {
        Tensor x = Tensor.of(new float[] {1, 2}, 2).requiresGrad(true);
        Tensor copy = x.clone();
        assertNotSame(x.storage(), copy.storage());
        copy.mul(3).sum().backward();
        assertArrayEquals(new double[] {3, 3}, x.grad().toDoubleArray());
    }
}
