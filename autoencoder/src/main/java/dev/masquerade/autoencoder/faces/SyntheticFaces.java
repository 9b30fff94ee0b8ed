package dev.masquerade.autoencoder.faces;

import dev.masquerade.autoencoder.FaceSet;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in data: two synthetic people, A and B, rendered with random expression, pose and
 * lighting. Everything is drawn from a seed, so a run repeats exactly; and because the
 * attributes of every picture are known, so is the right answer of a swap: B rendered with
 * A's attributes.
 */
public final class SyntheticFaces {
    /**
     * Person A: a longer face, light skin, short dark hair, blue eyes, thin straight brows, a
     * long nose and a small mouth. A and B differ little in the size of their outline on
     * purpose: a swap cannot tell a narrow face from a wide one seen from further away, so
     * very different outlines would turn into wrong sizes (a real limit of the method, best
     * kept out of the measurement).
     */
    public static final Identity PERSON_A = new Identity(0.52, 0.72, new double[]{0.94, 0.78, 0.68}, new double[]{0.12, 0.08, 0.06},
            0.08, 0.15, 0.1, 0.05, 0.2, new double[]{0.2, 0.45, 0.85}, 0.018, 0.0, 0.2, 0.05, 0.18, new double[]{0.85, 0.45, 0.45});
    /** Person B: a rounder face, dark skin, fuller blond hair with a fringe, brown wide-set eyes, thick stern brows, a short wide nose, a wide mouth. */
    public static final Identity PERSON_B = new Identity(0.56, 0.68, new double[]{0.55, 0.36, 0.24}, new double[]{0.85, 0.7, 0.35},
            0.13, 0.55, 0.125, 0.065, 0.235, new double[]{0.35, 0.2, 0.08}, 0.04, 0.3, 0.13, 0.085, 0.26, new double[]{0.5, 0.2, 0.18});

    private SyntheticFaces() {
    }

    /** {@code count} random attribute sets. */
    public static List<Attributes> attributes(Rng rng, int count) {
        List<Attributes> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(Attributes.random(rng));
        }
        return out;
    }

    /** One person rendered with each of the attribute sets, masks included. */
    public static FaceSet render(Identity identity, List<Attributes> attributes, int size) {
        int n = attributes.size(), plane = size * size;
        double[] images = new double[n * 3 * plane];
        double[] faces = new double[n * plane];
        double[] features = new double[n * plane];
        for (int i = 0; i < n; i++) {
            FaceRenderer.Rendering r = FaceRenderer.render(identity, attributes.get(i), size);
            System.arraycopy(r.rgb(), 0, images, i * 3 * plane, 3 * plane);
            System.arraycopy(r.faceMask(), 0, faces, i * plane, plane);
            System.arraycopy(r.featureMask(), 0, features, i * plane, plane);
        }
        return new FaceSet(tensor(images, n, 3, size), tensor(faces, n, 1, size), tensor(features, n, 1, size));
    }

    /** A training set: {@code count} pictures of one person, each with its own random attributes. */
    public static FaceSet trainingSet(Identity identity, int count, int size, Rng rng) {
        return render(identity, attributes(rng, count), size);
    }

    /** Held-out pairs for measuring a swap: A with some attributes, and B with the same ones (the correct swap of A to B). */
    public record SwapPairs(FaceSet a, FaceSet b) {
    }

    /** {@code count} held-out pairs, with attributes from {@code rng}. */
    public static SwapPairs swapPairs(int count, int size, Rng rng) {
        List<Attributes> shared = attributes(rng, count);
        return new SwapPairs(render(PERSON_A, shared, size), render(PERSON_B, shared, size));
    }

    private static Tensor tensor(double[] values, int n, int channels, int size) {
        return Tensor.of(values, DType.F32, Device.CPU, n, channels, size, size);
    }
}
