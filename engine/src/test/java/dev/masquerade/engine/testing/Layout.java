package dev.masquerade.engine.testing;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The structure of one test case: the shapes of the inputs, and integer parameters such as
 * an axis, a stride or a kernel size that the shapes were derived from.
 */
public record Layout(int[] params, List<int[]> shapes) {

    /** Shapes only, no parameters. */
    public static Layout of(List<int[]> shapes) {
        return new Layout(new int[0], shapes);
    }

    /** Shape of input i. */
    public int[] shape(int i) {
        return shapes.get(i);
    }

    /** Parameter i. */
    public int param(int i) {
        return params[i];
    }

    @Override
    public String toString() {
        String s = shapes.stream().map(Arrays::toString).collect(Collectors.joining(", "));
        return params.length == 0 ? "shapes " + s : "params " + Arrays.toString(params) + ", shapes " + s;
    }
}
