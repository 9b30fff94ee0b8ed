package dev.masquerade.autoencoder;

import dev.masquerade.autoencoder.FaceSwapModel.Side;
import dev.masquerade.autoencoder.augment.LandmarkWarp;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;

/**
 * For warp to landmarks: each face's {@value #CANDIDATES} nearest faces of the other person by
 * landmarks, found once before training; each step warps a face towards one of its candidates,
 * drawn at random, as faceswap does.
 *
 * @param ofA for each face of A, its nearest faces of B
 * @param ofB for each face of B, its nearest faces of A
 */
record LandmarkPartners(int[][] ofA, int[][] ofB) {
    /** How many nearest faces of the other person a face may be warped towards. */
    static final int CANDIDATES = 10;

    /** The partners of both sides; one clear line when a side's landmarks are unknown. */
    static LandmarkPartners of(FaceSwapTrainer.Data data) {
        if (!data.a().hasLandmarks() || !data.b().hasLandmarks()) {
            throw new IllegalArgumentException("--warp-to-landmarks needs the landmarks of both people's faces: train on folders written by"
                    + " 'masquerade faceswap extract' (their landmarks.json), or drop --warp-to-landmarks");
        }
        return new LandmarkPartners(LandmarkWarp.nearest(data.a().landmarks(), data.b().landmarks(), CANDIDATES),
                LandmarkWarp.nearest(data.b().landmarks(), data.a().landmarks(), CANDIDATES));
    }

    /** The faces {@code picked} of {@code side}, each warped towards the landmarks of one of its candidates. */
    Tensor warp(Side side, FaceSwapTrainer.Data data, int[] picked, Rng rng) {
        FaceSet own = side == Side.A ? data.a() : data.b(), other = side == Side.A ? data.b() : data.a();
        int[][] candidates = side == Side.A ? ofA : ofB;
        double[][][] from = new double[picked.length][][], to = new double[picked.length][][];
        for (int i = 0; i < picked.length; i++) {
            int[] near = candidates[picked[i]];
            from[i] = own.landmarks()[picked[i]];
            to[i] = other.landmarks()[near[rng.nextInt(near.length)]];
        }
        return LandmarkWarp.apply(own.select(picked).images(), from, to);
    }
}
