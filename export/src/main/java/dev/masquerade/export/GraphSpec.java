package dev.masquerade.export;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.Module;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What to export as one graph: the model that owns the weights, the graph's inputs and the
 * forward pass from those inputs to named outputs. The batch axis (axis 0 of every input and
 * output) stays free in the exported graph.
 *
 * <pre>{@code
 * new GraphSpec("generator", gan.generator(), List.of(new GraphSpec.Input("noise", 64)),
 *         in -> Map.of("image", gan.generator().forward(in.get(0))));
 * }</pre>
 *
 * @param name    the graph's name, shown by model viewers
 * @param model   the module whose parameters and buffers become the graph's named weights
 * @param inputs  the inputs, in the order {@code forward} receives them
 * @param forward the computation, run once in evaluation mode while a trace records it
 */
public record GraphSpec(String name, Module model, List<Input> inputs, Function<List<Tensor>, Map<String, Tensor>> forward) {

    /** One input: its name and its shape without the batch axis. */
    public record Input(String name, int... shape) {
    }

    /** Random inputs [batch, ...shape] in [0, 1), float32 on the model's device, drawn from rng in the order of the inputs. */
    public List<Tensor> randomInputs(int batch, Rng rng) {
        Device device = model.namedParameters().values().stream().findFirst().map(p -> p.value().device()).orElse(Device.CPU);
        List<Tensor> values = new ArrayList<>();
        for (Input input : inputs) {
            int[] shape = new int[input.shape().length + 1];
            shape[0] = batch;
            System.arraycopy(input.shape(), 0, shape, 1, input.shape().length);
            values.add(Tensor.rand(rng, DType.F32, device, shape));
        }
        return values;
    }
}
