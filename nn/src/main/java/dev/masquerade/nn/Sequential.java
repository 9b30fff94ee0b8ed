package dev.masquerade.nn;

import dev.masquerade.engine.Tensor;

/** Layers applied one after another; children are named "0", "1", ... as in PyTorch. */
public final class Sequential extends Layer {
    private final Layer[] layers;

    public Sequential(Layer... layers) {
        this.layers = layers.clone();
        for (int i = 0; i < layers.length; i++) {
            child(Integer.toString(i), layers[i]);
        }
    }

    /** Layer {@code index} (from 0). */
    public Layer layer(int index) {
        return layers[index];
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Layer layer : layers) {
            x = layer.forward(x);
        }
        return x;
    }
}
