package dev.masquerade.autoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.autoencoder.FaceSwapModel.Side;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Parameter;
import dev.masquerade.nn.loss.Losses;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared-encoder, two-decoder model. */
class FaceSwapModelTest {

    @Test
    void faceswapSmallHasTheReferenceParameterCount() {
        // PyTorch's torch_reference.py reports faceswap_small_params = 20,526,662 for the same layers
        assertEquals(20_526_662, new FaceSwapModel(FaceSwapConfig.SMALL, new Rng(0)).parameterCount());
    }

    @Test
    void bothSizesGiveFacesOfTheirSizeAndMasksAreAFourthChannel() {
        for (int size : new int[] {64, 128}) {
            FaceSwapModel model = new FaceSwapModel(new FaceSwapConfig(size, 4, 8, true), new Rng(1));
            try (var scope = NoGrad.enter()) {
                Tensor faces = Tensor.rand(new Rng(2), 2, 3, size, size);
                FaceSwapModel.Decoded decoded = model.decode(Side.B, model.encode(faces));
                assertArrayEquals(new int[] {2, 3, size, size}, decoded.face().shape());
                assertArrayEquals(new int[] {2, 1, size, size}, decoded.mask().shape());
                assertArrayEquals(new int[] {2, 3, size, size}, model.swap(Side.A, faces).shape());
            }
        }
        assertNull(new FaceSwapModel(new FaceSwapConfig(64, 4, 8, false), new Rng(1))
                .decode(Side.A, Tensor.zeros(1, 16, 8, 8)).mask());
    }

    @Test
    void aBlendKeepsTheInputWhereTheMaskIsZero() {
        Tensor face = Tensor.full(0.9, 1, 3, 2, 2);
        Tensor background = Tensor.full(0.1, 1, 3, 2, 2);
        Tensor mask = Tensor.of(new double[] {1, 0, 0.5, 0}, 1, 1, 2, 2).to(face.dtype());
        float[] blended = FaceSwapModel.blend(new FaceSwapModel.Decoded(face, mask), background).toFloatArray();
        assertEquals(0.9, blended[0], 1e-6);
        assertEquals(0.1, blended[1], 1e-6);
        assertEquals(0.5, blended[2], 1e-6);
    }

    @Test
    void theSharedEncodersGradientIsTheSumOfBothPaths() {
        FaceSwapModel model = new FaceSwapModel(new FaceSwapConfig(64, 4, 8, false), new Rng(3));
        Tensor xa = Tensor.rand(new Rng(4), 2, 3, 64, 64);
        Tensor xb = Tensor.rand(new Rng(5), 2, 3, 64, 64);
        Map<String, Parameter> parameters = model.namedParameters();
        String encoderWeight = "encoder.0.weight";

        model.zeroGrad();
        loss(model, Side.A, xa).backward();
        Tensor fromA = parameters.get(encoderWeight).value().grad();
        assertNull(parameters.get("decoderB.0.conv.weight").value().grad(), "A's loss must not reach decoder B");
        model.zeroGrad();
        loss(model, Side.B, xb).backward();
        Tensor fromB = parameters.get(encoderWeight).value().grad();
        model.zeroGrad();
        loss(model, Side.A, xa).add(loss(model, Side.B, xb)).backward();
        Tensor fromBoth = parameters.get(encoderWeight).value().grad();

        assertNotNull(fromA);
        double error = fromBoth.sub(fromA.add(fromB)).abs().max().item();
        assertTrue(error < 1e-6 * (1 + fromBoth.abs().max().item()), "gradient of the sum differs from the sum of gradients by " + error);
    }

    private static Tensor loss(FaceSwapModel model, Side side, Tensor x) {
        return Losses.l1(model.decode(side, model.encode(x)).face(), x);
    }

    @Test
    void wrongInputsAndConfigurationsAreRefusedWithTheFix() {
        FaceSwapModel model = new FaceSwapModel(new FaceSwapConfig(64, 4, 8, false), new Rng(1));
        var error = assertThrows(IllegalArgumentException.class, () -> model.encode(Tensor.zeros(1, 3, 32, 32)));
        assertTrue(error.getMessage().contains("[N, 3, 64, 64]") && error.getMessage().contains("resize"), error.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FaceSwapConfig(96, 64, 512, false)).getMessage()
                .contains("64 or 128"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaceSwapConfig.fromMap(Map.of("model", "FashionClassifier"), "x.json"))
                .getMessage().contains("not a face-swap checkpoint"));
    }
}
