package dev.masquerade.tutorials;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chapter 10, the face swap's loss and its shared encoder, on the smallest model that has
 * the same structure: a one-number encoder h = w·x shared by two one-number decoders
 * x̂_A = a·h and x̂_B = b·h, each trained with a squared error on its own person.
 */
public final class AutoencoderChapter extends Chapter {
    static final double X_A = 1;
    static final double X_B = 2;
    static final double W = 0.5;
    static final double A = 1.5;
    static final double B = 1.0;

    public AutoencoderChapter() {
        super(10, "The autoencoder's loss and the shared encoder", "10-autoencoder-loss.md");
    }

    // snippet: shared
    /** L = L_A + L_B with L_A = (a·w·x_A − x_A)² and L_B = (b·w·x_B − x_B)², by the engine; returns dL/dw, dL/da, dL/db. */
    static double[] gradients(double xA, double xB, double w0, double a0, double b0) {
        Tensor w = scalar(w0), a = scalar(a0), b = scalar(b0);          // the encoder's and both decoders' weights
        Tensor codeA = w.mul(xA), codeB = w.mul(xB);                     // one encoder for both people
        Tensor lossA = a.mul(codeA).sub(xA).pow(2);                      // decoder A rebuilds A
        Tensor lossB = b.mul(codeB).sub(xB).pow(2);                      // decoder B rebuilds B
        lossA.add(lossB).backward();                                    // w receives both paths' gradients, added
        return new double[] {w.grad().item(), a.grad().item(), b.grad().item()};
    }
    // end snippet

    private static Tensor scalar(double value) {
        return Tensor.full(value, DType.F64, Device.CPU).requiresGrad(true);
    }

    @Override
    public Map<String, Double> numbers() {
        double[] both = gradients(X_A, X_B, W, A, B);
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("L_A", Math.pow(A * W * X_A - X_A, 2));
        numbers.put("L_B", Math.pow(B * W * X_B - X_B, 2));
        numbers.put("dL_A/dw", 2 * (A * W * X_A - X_A) * A * X_A);
        numbers.put("dL_B/dw", 2 * (B * W * X_B - X_B) * B * X_B);
        numbers.put("dL/dw", both[0]);
        numbers.put("dL/da", both[1]);
        numbers.put("dL/db", both[2]);
        numbers.put("swap A to B", B * W * X_A);
        return numbers;
    }
}
