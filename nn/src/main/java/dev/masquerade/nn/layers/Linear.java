package dev.masquerade.nn.layers;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.nn.Init;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.Parameter;

/** y = x·Wᵀ + b for x [..., in]; W [out, in], b [out]. */
public final class Linear extends Layer {
    private final Parameter weight;
    private final Parameter bias;
    private final int in;

    public Linear(int in, int out, Rng rng) {
        this.in = in;
        this.weight = parameter("weight", Init.defaultUniform(rng, in, out, in));
        this.bias = parameter("bias", Init.defaultUniform(rng, in, out));
    }

    /** The weight [out, in]. */
    public Parameter weight() {
        return weight;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.rank() < 1 || x.size(-1) != in) {
            String hint = x.rank() > 2 ? "flatten images first: Reshape.flatten()"
                    : "the layers before it make " + x.size(-1) + ": is the input the size the model was built for?";
            throw new IllegalArgumentException("Linear(" + in + " -> " + bias.value().size(0) + "): input " + Shape.str(x.shape())
                    + " must end in " + in + " features (" + hint + ")");
        }
        return x.matmul(weight.value().transpose(0, 1)).add(bias.value());
    }
}
