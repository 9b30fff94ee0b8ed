package dev.masquerade.tutorials;

import dev.masquerade.autoencoder.faces.Attributes;
import dev.masquerade.autoencoder.faces.FaceLandmarks;
import dev.masquerade.autoencoder.faces.FaceRenderer;
import dev.masquerade.autoencoder.faces.SyntheticFaces;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.ops.Sampling;
import dev.masquerade.motion.model.FirstOrderMotion;
import dev.masquerade.motion.model.Keypoints;
import dev.masquerade.nn.io.Images;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chapter 30, animating a face: a keypoint's first-order motion against its shift alone, the
 * bilinear sampler's value and gradients at one point, and the equivariance loss of a keypoint
 * that follows a warp against one that stays put.
 */
public final class MotionChapter extends Chapter {
    /** The source keypoint's Jacobian is a rotation by this many degrees; the driving keypoint's the identity. */
    static final double DEGREES = 30;

    public MotionChapter() {
        super(30, "Animating a face: first-order motion, the bilinear sampler, equivariance", "30-motion.md");
    }

    private static Tensor f64(double[] values, int... shape) {
        return Tensor.of(values, DType.F64, Device.CPU, shape);
    }

    static Tensor identity() {
        return f64(new double[] {1, 0, 0, 1}, 1, 1, 2, 2);
    }

    static Tensor rotation(double degrees) {
        double a = Math.toRadians(degrees);
        return f64(new double[] {Math.cos(a), -Math.sin(a), Math.sin(a), Math.cos(a)}, 1, 1, 2, 2);
    }

    /** Where pixel (row 2, column 6) of a 5 × 10 driving frame, the point (0.3, 0), reads the source, with this source Jacobian. */
    static double[] motionOfOnePixel(Tensor sourceJacobian) {
        Keypoints driving = new Keypoints(f64(new double[] {0, 0}, 1, 1, 2), identity());
        Keypoints source = new Keypoints(f64(new double[] {0.1, 0}, 1, 1, 2), sourceJacobian);
        Tensor motion = FirstOrderMotion.sparseMotions(source, driving, 5, 10).narrow(1, 1, 1).reshape(5, 10, 2);
        return motion.narrow(0, 2, 1).narrow(1, 6, 1).contiguous().toDoubleArray();
    }

    /** The 2×2 picture [[1, 3], [5, 7]] sampled at (tx, ty) = (0.25, 0.5) in pixels: the value, then its gradient to the point and to the four pixels. */
    static double[] samplerAtOnePoint() {
        Tensor picture = f64(new double[] {1, 3, 5, 7}, 1, 1, 2, 2).requiresGrad(true);
        Tensor point = f64(new double[] {-0.25, 0}, 1, 1, 1, 2).requiresGrad(true); // pixel x 0.25 is grid (2·0.25 + 1)/2 − 1
        Tensor sample = picture.gridSample(point);
        sample.sum().backward();
        double[] g = point.grad().toDoubleArray(), w = picture.grad().toDoubleArray();
        return new double[] {sample.item(), g[0], g[1], w[0], w[1], w[2], w[3]};
    }

    /** A 32 × 32 picture of one Gaussian blob at (0.3, −0.2). */
    static Tensor blob() {
        int size = 32;
        double[] values = new double[size * size];
        Tensor grid = Sampling.coordinateGrid(size, size, DType.F64, Device.CPU);
        double[] points = grid.toDoubleArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp(-(Math.pow(points[2 * i] - 0.3, 2) + Math.pow(points[2 * i + 1] + 0.2, 2)) / (2 * 0.1 * 0.1));
        }
        return f64(values, 1, 1, size, size);
    }

    /** The warp of the equivariance example: T(z) = z + (SHIFT, 0), 3.68 pixels of 32, so that sampling mixes neighbours. */
    static final double SHIFT = 0.23;

    /** The blob read at T(z). */
    static Tensor warpedBlob() {
        Tensor grid = Sampling.coordinateGrid(32, 32, DType.F64, Device.CPU).add(f64(new double[] {SHIFT, 0}, 1, 1, 2));
        return blob().gridSample(grid.unsqueeze(0));
    }

    /** The equivariance loss mean|kp − T(kp')| of a keypoint found by soft-argmax (temperature 0.01) in the picture and in the warped picture. */
    static double equivarianceOfSoftArgmax() {
        Tensor kp = blob().div(0.01).softArgmax(), seen = warpedBlob().div(0.01).softArgmax();
        return kp.sub(seen.add(f64(new double[] {SHIFT, 0}, 1, 1, 2))).abs().mean().item();
    }

    @Override
    public Map<String, Double> numbers() {
        Map<String, Double> numbers = new LinkedHashMap<>();
        double[] firstOrder = motionOfOnePixel(rotation(DEGREES)), shiftOnly = motionOfOnePixel(identity());
        numbers.put("first order x", firstOrder[0]);
        numbers.put("first order y", firstOrder[1]);
        numbers.put("shift only x", shiftOnly[0]);
        numbers.put("shift only y", shiftOnly[1]);
        double[] s = samplerAtOnePoint();
        numbers.put("sample", s[0]);
        numbers.put("slope x", s[1]);
        numbers.put("slope y", s[2]);
        numbers.put("weight top left", s[3]);
        numbers.put("weight top right", s[4]);
        numbers.put("weight bottom left", s[5]);
        numbers.put("weight bottom right", s[6]);
        numbers.put("soft-argmax loss", equivarianceOfSoftArgmax());
        numbers.put("fixed keypoint loss", (Math.abs(0.3 - SHIFT) + Math.abs(-0.2 - 0)) / 2); // T(0, 0) = (SHIFT, 0) against (0.3, −0.2)
        return numbers;
    }

    @Override
    public List<Path> writeFigures(Path folder) throws IOException {
        // person A, neutral; the keypoint is her nose tip; the source keypoint sits 0.15 to the right of the driving one
        int size = 96;
        Tensor face = Tensor.of(FaceRenderer.render(SyntheticFaces.PERSON_A, Attributes.NEUTRAL, size).rgb(), DType.F64, Device.CPU, 1, 3,
                size, size);
        double[] nose = java.util.Arrays.copyOfRange(FaceLandmarks.of(SyntheticFaces.PERSON_A, Attributes.NEUTRAL), 4, 6);
        Keypoints driving = new Keypoints(f64(nose, 1, 1, 2), identity());
        Tensor moved = f64(new double[] {nose[0] + 0.15, nose[1]}, 1, 1, 2);
        List<Tensor> panels = new java.util.ArrayList<>(List.of(face));
        for (Tensor jacobian : List.of(identity(), rotation(DEGREES))) {
            Tensor motion = FirstOrderMotion.sparseMotions(new Keypoints(moved, jacobian), driving, size, size).narrow(1, 1, 1)
                    .reshape(1, size, size, 2);
            panels.add(face.gridSample(motion));
        }
        Path png = folder.resolve("30-first-order.png");
        Images.writeGrid(Tensor.concat(panels, 0).to(DType.F32), 3, png);
        return List.of(png);
    }
}
