package dev.masquerade.autoencoder;

import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.loss.Losses;
import dev.masquerade.nn.loss.Reduction;
import dev.masquerade.nn.loss.Ssim;
import java.util.Locale;

/**
 * The reconstruction loss of one side: a pixel loss (L1 or MSE) plus DSSIM, and for a model
 * with masks a mask loss. Where the target's masks are known:
 * <ul>
 *   <li>{@code masked} restricts the pixel and DSSIM losses to the face, so the decoder does
 *       not spend its capacity on the background the mask will blend away;</li>
 *   <li>eyes and mouth weigh {@code 1 + featureWeight} in the pixel loss, because they carry
 *       the expression and are few pixels;</li>
 *   <li>the predicted mask is fitted to the face mask by MSE.</li>
 * </ul>
 * Without masks in the data a model with masks is trained on its blended output instead, so
 * its mask learns where the decoder's face beats the input. Tutorials: tutorials/10-autoencoder-loss.md, 11-ssim.md and 12-masked-losses.md.
 *
 * @param pixel         L1 or MSE
 * @param pixelWeight   weight of the pixel loss
 * @param dssimWeight   weight of DSSIM = (1 − SSIM)/2
 * @param featureWeight extra weight of eye and mouth pixels
 * @param masked        whether to restrict the losses to the face where the face mask is known
 * @param maskWeight    weight of the mask loss
 */
public record FaceSwapLoss(Pixel pixel, double pixelWeight, double dssimWeight, double featureWeight, boolean masked,
                           double maskWeight) {
    /** The largest weight: beyond it one term drowns the others (and float32 overflows long before 1e308). */
    private static final double MOST_WEIGHT = 1000;

    /** Checks the weights: each a number from 0 to {@value #MOST_WEIGHT} (a NaN weight would make every loss NaN). */
    public FaceSwapLoss {
        double[] weights = {pixelWeight, dssimWeight, featureWeight, maskWeight};
        String[] names = {"the pixel loss's weight", "--dssim-weight", "--feature-weight", "the mask loss's weight"};
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0 && weights[i] <= MOST_WEIGHT)) {
                throw new IllegalArgumentException(names[i] + " must be a number from 0 to " + MOST_WEIGHT + ", got " + weights[i]);
            }
        }
    }

    /** The pixel loss. */
    public enum Pixel {
        L1, MSE;

        /** Parses l1 or mse. */
        public static Pixel parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown pixel loss '" + text + "'; use l1 or mse");
            }
        }
    }

    /** L1 plus DSSIM, eyes and mouth weighing 3×, unmasked, mask loss weight 1. */
    public static final FaceSwapLoss DEFAULT = new FaceSwapLoss(Pixel.L1, 1, 1, 2, false, 1);

    /** The loss of a decoder's output for an input, against a target with (possibly null) masks. */
    public Tensor compute(FaceSwapModel.Decoded decoded, Tensor input, Tensor target, Tensor faceMask, Tensor featureMask) {
        boolean knownMasks = faceMask != null;
        Tensor prediction = decoded.mask() != null && !knownMasks ? FaceSwapModel.blend(decoded, input) : decoded.face();
        Tensor weight = null;
        if (knownMasks) {
            Tensor emphasis = featureMask.mul(featureWeight).add(1);
            weight = masked ? emphasis.mul(faceMask) : emphasis;
        }
        Tensor pixelLoss = pixel == Pixel.L1 ? Losses.l1(prediction, target, Reduction.MEAN, weight)
                : Losses.mse(prediction, target, Reduction.MEAN, weight);
        Tensor loss = pixelLoss.mul(pixelWeight);
        if (dssimWeight > 0) {
            boolean restrict = masked && knownMasks;
            loss = loss.add(Ssim.dssim(restrict ? prediction.mul(faceMask) : prediction, restrict ? target.mul(faceMask) : target)
                    .mul(dssimWeight));
        }
        if (decoded.mask() != null && knownMasks && maskWeight > 0) {
            loss = loss.add(Losses.mse(decoded.mask(), faceMask).mul(maskWeight));
        }
        return loss;
    }
}
