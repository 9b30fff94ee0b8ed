package dev.masquerade.faces;

import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Module;
import dev.masquerade.nn.Parameter;

/**
 * face-api's building blocks as engine modules. Their parameters carry face-api's own names
 * ({@code filters}, {@code depthwise_filter}, ...), so that a module path such as
 * {@code conv1.depthwise_filter} is the TF.js weight {@code conv1/depthwise_filter}
 * ({@link FaceApiNetwork#load}). Parameters start at zero: these modules exist to be loaded.
 */
final class FaceApiLayers {
    private FaceApiLayers() {
    }

    /** A convolution after TensorFlow's 'same' padding. */
    interface SameConvolution {
        /** The convolution at {@code stride}, padded as TensorFlow's 'same' pads. */
        Tensor same(Tensor x, int stride);
    }

    /** A convolution with a bias: {@code filters} [out, in, k, k], {@code bias} [out]. */
    static final class Conv extends Module implements SameConvolution {
        private final Parameter filters;
        private final Parameter bias;

        Conv(int in, int out, int kernel) {
            filters = parameter("filters", Tensor.zeros(out, in, kernel, kernel));
            bias = parameter("bias", Tensor.zeros(out));
        }

        @Override
        public Tensor same(Tensor x, int stride) {
            return SamePadding.pad(x, filters.value().size(2), stride, 0).conv2d(filters.value(), bias.value(), stride, 0, 1);
        }

        /** The convolution at {@code stride} without padding (TensorFlow's 'valid'). */
        Tensor valid(Tensor x, int stride) {
            return x.conv2d(filters.value(), bias.value(), stride, 0, 1);
        }
    }

    /**
     * A depthwise-separable convolution: a 3×3 filter per channel ({@code depthwise_filter}
     * [C, 1, 3, 3], a convolution with groups = C), then a 1×1 convolution mixing the channels
     * ({@code pointwise_filter} [out, C, 1, 1]) and a {@code bias} [out]. It costs 9·C + C·out
     * multiplications per pixel where a full 3×3 convolution costs 9·C·out
     * (tutorials/20-face-networks.md works it out).
     */
    static final class SeparableConv extends Module implements SameConvolution {
        private final Parameter depthwise;
        private final Parameter pointwise;
        private final Parameter bias;

        SeparableConv(int in, int out) {
            depthwise = parameter("depthwise_filter", Tensor.zeros(in, 1, 3, 3));
            pointwise = parameter("pointwise_filter", Tensor.zeros(out, in, 1, 1));
            bias = parameter("bias", Tensor.zeros(out));
        }

        // snippet: separable
        @Override
        public Tensor same(Tensor x, int stride) {
            Tensor perChannel = SamePadding.pad(x, 3, stride, 0).conv2d(depthwise.value(), null, stride, 0, 1, x.size(1));
            return perChannel.conv2d(pointwise.value(), bias.value(), 1, 0, 1);
        }
        // end snippet
    }

    /** A per-channel affine map (batch normalisation folded): {@code weights} [C], {@code biases} [C]. */
    static final class Scale extends Module {
        private final Parameter weights;
        private final Parameter biases;

        Scale(int channels) {
            weights = parameter("weights", Tensor.zeros(channels));
            biases = parameter("biases", Tensor.zeros(channels));
        }

        /** x·weights + biases over the channel axis of [N, C, H, W]. */
        Tensor apply(Tensor x) {
            int channels = weights.value().size(0);
            return x.mul(weights.value().reshape(channels, 1, 1)).add(biases.value().reshape(channels, 1, 1));
        }
    }

    /**
     * dlib's convolution followed by its affine {@link Scale} layer, as in the recognition net:
     * children {@code conv} and {@code scale}.
     */
    static final class ScaledConv extends Module {
        private final Conv conv;
        private final Scale scale;

        ScaledConv(int in, int out, int kernel) {
            conv = child("conv", new Conv(in, out, kernel));
            scale = child("scale", new Scale(out));
        }

        /** The scaled convolution at stride 1 with 'same' padding. */
        Tensor same(Tensor x) {
            return scale.apply(conv.same(x, 1));
        }

        /** The scaled convolution at stride 2 without padding (dlib's downsampling). */
        Tensor validDown(Tensor x) {
            return scale.apply(conv.valid(x, 2));
        }
    }

    /**
     * dlib's residual block: relu(x + scale(conv2(relu(scale(conv1(x)))))). A downsampling
     * block runs conv1 at stride 2 without padding and adds a 2×2 average of x instead, padded
     * with zeros to the block's channels (and the convolution's output padded with zeros on the
     * right and bottom where an odd size leaves it a pixel short of the average's).
     */
    static final class Residual extends Module {
        private final ScaledConv conv1;
        private final ScaledConv conv2;
        private final boolean down;

        Residual(int in, int out, boolean down) {
            conv1 = child("conv1", new ScaledConv(in, out, 3));
            conv2 = child("conv2", new ScaledConv(out, out, 3));
            this.down = down;
        }

        Tensor apply(Tensor x) {
            if (!down) {
                return conv2.same(conv1.same(x).relu()).add(x).relu();
            }
            Tensor out = conv2.same(conv1.validDown(x).relu());
            Tensor pooled = x.avgPool2d(2, 2, 0);
            int rows = pooled.size(2) - out.size(2), columns = pooled.size(3) - out.size(3), channels = out.size(1) - pooled.size(1);
            if (rows > 0 || columns > 0) {
                out = out.pad(new int[] {0, columns, 0, rows}, 0);
            }
            if (channels > 0) {
                pooled = pooled.pad(new int[] {0, 0, 0, 0, 0, channels}, 0);
            }
            return pooled.add(out).relu();
        }
    }

    /** A fully connected layer as TF.js stores it: {@code weights} [in, out] (x·W, no transpose), {@code bias} [out]. */
    static final class FullyConnected extends Module {
        private final Parameter weights;
        private final Parameter bias;

        FullyConnected(int in, int out) {
            weights = parameter("weights", Tensor.zeros(in, out));
            bias = parameter("bias", Tensor.zeros(out));
        }

        Tensor apply(Tensor x) {
            return x.matmul(weights.value()).add(bias.value());
        }
    }

    /**
     * The landmark net's densely connected block: four convolutions {@code conv0..conv3}, each
     * fed the ReLU of the sum of all the earlier ones' outputs (DenseNet's idea, with sums
     * in place of concatenation). The first halves the resolution; the network's very first
     * block starts with a plain 3×3 convolution of the image, the others with a separable one.
     */
    static final class DenseBlock extends Module {
        private final SameConvolution first;
        private final SeparableConv[] rest = new SeparableConv[3];

        DenseBlock(int in, int out, boolean onImage) {
            first = onImage ? child("conv0", new Conv(in, out, 3)) : child("conv0", new SeparableConv(in, out));
            for (int i = 0; i < rest.length; i++) {
                rest[i] = child("conv" + (i + 1), new SeparableConv(out, out));
            }
        }

        Tensor apply(Tensor x) {
            Tensor input = first.same(x, 2).relu();
            Tensor sum = input;
            for (SeparableConv conv : rest) {
                sum = sum.add(conv.same(input, 1));
                input = sum.relu();
            }
            return input;
        }
    }
}
