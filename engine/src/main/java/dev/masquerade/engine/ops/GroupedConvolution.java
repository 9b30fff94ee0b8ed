package dev.masquerade.engine.ops;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.Trace;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.engine.backend.Conv2dGeometry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Grouped convolution: the C input channels and F filters are cut into {@code groups} equal
 * groups, and the filters of group g see only the channels of group g, so the weight is
 * [F, C/groups, kH, kW] and costs 1/groups of a full convolution's products. With groups = C
 * (F = C·m, m filters per channel) it is a depthwise convolution, the first half of the
 * depthwise-separable blocks of small vision nets.
 *
 * <p>The depthwise case has its own primitives ({@link DepthwiseConvolution}). Any other
 * grouping is built from tensor operations (narrow, conv2d, concat), so its gradients are theirs:
 * the gradient of each group's slice of x and of the weight comes from that group's conv2d,
 * and narrow places it back into the full tensor. Tutorial: tutorials/04-convolution.md.
 */
public final class GroupedConvolution {
    private GroupedConvolution() {
    }

    /** x [N, C, H, W] with weight [F, C/groups, kH, kW] (+ bias [F]) → [N, F, Ho, Wo]; groups = 1 is conv2d. */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, Conv2dGeometry g, int groups) {
        if (groups == 1) {
            return Convolution.conv2d(x, weight, bias, g);
        }
        Convolution.check("conv2d", x, weight);
        int channels = x.size(1), filters = weight.size(0);
        if (groups < 1 || channels % groups != 0 || filters % groups != 0) {
            throw new IllegalArgumentException("conv2d: groups = " + groups + " must be at least 1 and divide both the " + channels
                    + " input channels and the " + filters + " filters");
        }
        if (weight.size(1) != channels / groups) {
            throw new IllegalArgumentException("conv2d: with " + groups + " groups each filter sees " + channels / groups
                    + " of the input's " + channels + " channels, so the weight must be [" + filters + ", " + channels / groups
                    + ", kH, kW], got " + Shape.str(weight.shape()));
        }
        if (groups == channels) {
            return DepthwiseConvolution.conv2d(x, weight, bias, g);
        }
        int groupChannels = channels / groups, groupFilters = filters / groups;
        List<Tensor> outputs = new ArrayList<>(groups);
        for (int group = 0; group < groups; group++) {
            Tensor part = x.narrow(1, group * groupChannels, groupChannels);
            Tensor filtersOfGroup = weight.narrow(0, group * groupFilters, groupFilters);
            outputs.add(Convolution.conv2d(part, filtersOfGroup, null, g));
        }
        Tensor joined = Trace.record("groupedConv2d", Map.of("geometry", g, "groups", groups), Tensor.concat(outputs, 1), x, weight); // one Conv in an exported graph
        return Convolution.addBias("conv2d", joined, bias);
    }
}
