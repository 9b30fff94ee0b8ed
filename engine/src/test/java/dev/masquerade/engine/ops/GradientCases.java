package dev.masquerade.engine.ops;

import static dev.masquerade.engine.testing.GradientCase.of;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.testing.Domain;
import dev.masquerade.engine.testing.Gen;
import dev.masquerade.engine.testing.Gens;
import dev.masquerade.engine.testing.GradientCase;
import dev.masquerade.engine.testing.Layout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One {@link GradientCase} per differentiable operation of {@link Tensor}: the inputs it is
 * tried on and how it is called. {@code OperationRegistryTest} fails when an operation of
 * Tensor has no case here.
 */
public final class GradientCases {
    private static final List<Domain> ANY = List.of(Domain.any());
    private static final List<Domain> POSITIVE = List.of(Domain.real(0.5, 3));
    private static final List<Domain> AWAY_FROM_ZERO = List.of(Domain.any().avoiding(0));
    private static final List<Domain> DISTINCT = List.of(Domain.any().distinct());

    private GradientCases() {
    }

    private static final GradientCase.Op DEPTHWISE = (in, l) ->
            in.get(0).conv2d(in.get(1), in.size() > 2 ? in.get(2) : null, l.param(6), l.param(7), l.param(8), l.param(1));

    /**
     * The depthwise convolution's case with one gradient alone: of the image (input 0) or of the
     * weight (input 1), the other inputs constant. Coursework tasks 7.1 and 7.2 write one each.
     */
    public static GradientCase depthwiseGradientOf(int input) {
        Domain image = input == 0 ? Domain.any() : Domain.any().constant();
        Domain weight = input == 1 ? Domain.any() : Domain.any().constant();
        return of("conv2d (depthwise, gradient of input " + input + ")", depthwiseConvolutions(), List.of(image, weight, Domain.any().constant()), DEPTHWISE);
    }

    /** The cases of one operation, by its name ("exp"). */
    public static List<GradientCase> named(String name) {
        List<GradientCase> cases = all().stream().filter(c -> c.name().equals(name)).toList();
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no gradient case is named " + name);
        }
        return cases;
    }

    /** Every case, in the order of Tensor's API. */
    public static List<GradientCase> all() {
        List<GradientCase> cases = new ArrayList<>();
        // element-wise, broadcasting
        cases.add(of("add", Gens.broadcastable(2), ANY, (in, l) -> in.get(0).add(in.get(1))));
        cases.add(of("sub", Gens.broadcastable(2), ANY, (in, l) -> in.get(0).sub(in.get(1))));
        cases.add(of("mul", Gens.broadcastable(2), ANY, (in, l) -> in.get(0).mul(in.get(1))));
        cases.add(of("div", Gens.broadcastable(2), List.of(Domain.any(), Domain.real(0.5, 2)), (in, l) -> in.get(0).div(in.get(1))));
        cases.add(of("maximum", Gens.broadcastable(2), ANY, (in, l) -> in.get(0).maximum(in.get(1))));
        cases.add(of("minimum", Gens.broadcastable(2), ANY, (in, l) -> in.get(0).minimum(in.get(1))));
        cases.add(of("pow", Gens.broadcastable(2), List.of(Domain.real(0.5, 3), Domain.real(-2, 2)), (in, l) -> in.get(0).pow(in.get(1))));
        cases.add(of("rsub", Gens.sameShape(1), ANY, (in, l) -> in.get(0).rsub(1.5)));
        cases.add(of("rdiv", Gens.sameShape(1), POSITIVE, (in, l) -> in.get(0).rdiv(1.5)));
        cases.add(of("where", Gens.broadcastable(3), List.of(Domain.mask(), Domain.any()),
                (in, l) -> Tensor.where(in.get(0), in.get(1), in.get(2))));
        // element-wise, one input
        cases.add(of("neg", Gens.sameShape(1), ANY, (in, l) -> in.get(0).neg()));
        cases.add(of("clone", Gens.sameShape(1), ANY, (in, l) -> in.get(0).clone()));
        cases.add(of("exp", Gens.sameShape(1), ANY, (in, l) -> in.get(0).exp()));
        cases.add(of("log", Gens.sameShape(1), POSITIVE, (in, l) -> in.get(0).log()));
        cases.add(of("sqrt", Gens.sameShape(1), POSITIVE, (in, l) -> in.get(0).sqrt()));
        cases.add(of("pow", Gens.sameShape(1), POSITIVE, (in, l) -> in.get(0).pow(2.5)));
        cases.add(of("abs", Gens.sameShape(1), AWAY_FROM_ZERO, (in, l) -> in.get(0).abs()));
        cases.add(of("relu", Gens.sameShape(1), AWAY_FROM_ZERO, (in, l) -> in.get(0).relu()));
        cases.add(of("leakyRelu", Gens.sameShape(1), AWAY_FROM_ZERO, (in, l) -> in.get(0).leakyRelu(0.1)));
        cases.add(of("sigmoid", Gens.sameShape(1), ANY, (in, l) -> in.get(0).sigmoid()));
        cases.add(of("tanh", Gens.sameShape(1), ANY, (in, l) -> in.get(0).tanh()));
        cases.add(of("softplus", Gens.sameShape(1), ANY, (in, l) -> in.get(0).softplus()));
        cases.add(of("erf", Gens.sameShape(1), ANY, (in, l) -> in.get(0).erf()));
        cases.add(of("gelu", Gens.sameShape(1), ANY, (in, l) -> in.get(0).gelu()));
        cases.add(of("silu", Gens.sameShape(1), ANY, (in, l) -> in.get(0).silu()));
        cases.add(of("elu", Gens.sameShape(1), AWAY_FROM_ZERO, (in, l) -> in.get(0).elu(0.7)));
        cases.add(of("clamp", Gens.sameShape(1), List.of(Domain.any().avoiding(-1, 1)), (in, l) -> in.get(0).clamp(-1, 1)));
        // reductions: params [rank, 4 sizes, axis bit mask (0 = every axis), keepDim]
        cases.add(of("sum", reductions(), ANY, (in, l) -> in.get(0).sum(axes(l), l.param(6) == 1)));
        cases.add(of("mean", reductions(), ANY, (in, l) -> in.get(0).mean(axes(l), l.param(6) == 1)));
        cases.add(of("max", reductions(), DISTINCT, (in, l) -> in.get(0).max(axes(l), l.param(6) == 1)));
        cases.add(of("min", reductions(), DISTINCT, (in, l) -> in.get(0).min(axes(l), l.param(6) == 1)));
        // var and std: params [rank ≥ 1, 4 sizes ≥ 2, axis bit mask, keepDim, unbiased] (n − 1 > 0 for every result)
        cases.add(of("var", spreadReductions(), ANY, (in, l) -> in.get(0).var(axes(l), l.param(7) == 1, l.param(6) == 1)));
        cases.add(of("std", spreadReductions(), ANY, (in, l) -> in.get(0).std(axes(l), l.param(7) == 1, l.param(6) == 1)));
        cases.add(of("logsumexp", reductions(), ANY, (in, l) -> in.get(0).logsumexp(axes(l), l.param(6) == 1)));
        cases.add(of("softmax", Gens.shapeWithAxis(), ANY, (in, l) -> in.get(0).softmax(l.param(5))));
        cases.add(of("logSoftmax", Gens.shapeWithAxis(), ANY, (in, l) -> in.get(0).logSoftmax(l.param(5))));
        // linear algebra and images
        cases.add(of("matmul", matmuls(), ANY, (in, l) -> in.get(0).matmul(in.get(1))));
        cases.add(of("conv2d", convolutions(), ANY, (in, l) ->
                in.get(0).conv2d(in.get(1), in.size() > 2 ? in.get(2) : null, l.param(7), l.param(8), l.param(9))));
        cases.add(of("conv2d", groupedConvolutions(), ANY, (in, l) ->
                in.get(0).conv2d(in.get(1), in.size() > 2 ? in.get(2) : null, l.param(7), l.param(8), 1, l.param(1))));
        // its own primitives, not conv2d's im2col: a case of its own, outside named("conv2d") (coursework task 4 grades conv2d's)
        cases.add(of("conv2d (depthwise)", depthwiseConvolutions(), ANY, DEPTHWISE));
        cases.add(of("convTranspose2d", transposedConvolutions(), ANY, (in, l) ->
                in.get(0).convTranspose2d(in.get(1), in.size() > 2 ? in.get(2) : null, l.param(6), l.param(7), l.param(8))));
        cases.add(of("maxPool2d", pools(), DISTINCT, (in, l) -> in.get(0).maxPool2d(l.param(4), l.param(5), l.param(6))));
        cases.add(of("avgPool2d", pools(), ANY, (in, l) -> in.get(0).avgPool2d(l.param(4), l.param(5), l.param(6))));
        cases.add(of("pixelShuffle", Gens.structured(new int[] {1, 1, 1, 1, 1}, new int[] {2, 2, 3, 3, 3}, p -> true,
                p -> List.of(new int[] {p[0], p[1] * p[2] * p[2], p[3], p[4]})), ANY, (in, l) -> in.get(0).pixelShuffle(l.param(2))));
        cases.add(of("upsampleNearest", Gens.structured(new int[] {1, 1, 1, 1, 1}, new int[] {2, 2, 3, 3, 3}, p -> true,
                p -> List.of(new int[] {p[0], p[1], p[2], p[3]})), ANY, (in, l) -> in.get(0).upsampleNearest(l.param(4))));
        // params [N, C, H, W, output height, output width]: up, down and uneven ratios
        cases.add(of("resizeBilinear", Gens.structured(new int[] {1, 1, 1, 1, 1, 1}, new int[] {2, 2, 5, 5, 7, 7}, p -> true,
                p -> List.of(new int[] {p[0], p[1], p[2], p[3]})), ANY, (in, l) -> in.get(0).resizeBilinear(l.param(4), l.param(5))));
        cases.add(of("resizeBicubic", Gens.structured(new int[] {1, 1, 1, 1, 1, 1}, new int[] {2, 2, 5, 5, 9, 9}, p -> true,
                p -> List.of(new int[] {p[0], p[1], p[2], p[3]})), ANY, (in, l) -> in.get(0).resizeBicubic(l.param(4), l.param(5))));
        // points beyond the picture too (|x| > 1), where zeros are read
        cases.add(of("gridSample", Gens.structured(new int[] {1, 1, 1, 1, 1, 1}, new int[] {2, 2, 4, 4, 3, 3}, p -> true,
                p -> List.of(new int[] {p[0], p[1], p[2], p[3]}, new int[] {p[0], p[4], p[5], 2})), List.of(Domain.any(), Domain.real(-1.2, 1.2)),
                (in, l) -> in.get(0).gridSample(in.get(1))));
        cases.add(of("softArgmax", Gens.structured(new int[] {1, 1, 1, 1}, new int[] {2, 3, 4, 5}, p -> true,
                p -> List.of(p.clone())), ANY, (in, l) -> in.get(0).softArgmax()));
        // params [N, C, H, W, scale index]: scales 0.5, 1.5, 2 and 2.5
        cases.add(of("upsampleBilinear", Gens.structured(new int[] {1, 1, 2, 2, 0}, new int[] {2, 2, 5, 5, 3}, p -> true,
                p -> List.of(new int[] {p[0], p[1], p[2], p[3]})), ANY, (in, l) -> in.get(0).upsampleBilinear(new double[] {0.5, 1.5, 2, 2.5}[l.param(4)])));
        // params [rank, 3 sizes, padded axes, before, after]
        cases.add(of("pad", Gens.structured(new int[] {1, 1, 1, 1, 1, 0, 0}, new int[] {3, 4, 4, 4, 3, 2, 2}, p -> p[4] <= p[0],
                p -> List.of(Arrays.copyOfRange(p, 1, 1 + p[0]))), ANY, (in, l) -> {
                    int[] padding = new int[2 * l.param(4)];
                    for (int i = 0; i < padding.length; i += 2) {
                        padding[i] = l.param(5);
                        padding[i + 1] = l.param(6);
                    }
                    return in.get(0).pad(padding, 0.5);
                }));
        // params [N, C, H, W, left, right, top, bottom]: each amount below its axis's size
        cases.add(of("padReflect", Gens.structured(new int[] {1, 1, 1, 1, 0, 0, 0, 0}, new int[] {2, 2, 4, 4, 3, 3, 3, 3},
                p -> p[4] < p[3] && p[5] < p[3] && p[6] < p[2] && p[7] < p[2], p -> List.of(Arrays.copyOfRange(p, 0, 4))), ANY,
                (in, l) -> in.get(0).padReflect(l.param(4), l.param(5), l.param(6), l.param(7))));
        // params [N, C, H, W]: at least two pixels a plane. A large ε: with two pixels and a tiny one the
        // output is ±1 whatever the input, its gradient nearly 0, and the check would compare noise
        cases.add(of("instanceNorm", Gens.structured(new int[] {1, 1, 1, 2}, new int[] {2, 3, 4, 4}, p -> true,
                p -> List.of(p.clone())), ANY, (in, l) -> in.get(0).instanceNorm(0.1)));
        // params [N, C, H, W] and [N, C], then γ and β [C]: a large ε for the reason above
        cases.add(of("batchNorm", Gens.structured(new int[] {2, 1, 1, 1}, new int[] {3, 3, 3, 3}, p -> true,
                p -> List.of(p.clone(), new int[] {p[1]}, new int[] {p[1]})), ANY, (in, l) -> in.get(0).batchNorm(in.get(1), in.get(2), 0.1)));
        cases.add(of("batchNorm (rank 2)", Gens.structured(new int[] {2, 1}, new int[] {5, 4}, p -> true,
                p -> List.of(p.clone(), new int[] {p[1]}, new int[] {p[1]})), ANY, (in, l) -> in.get(0).batchNorm(in.get(1), in.get(2), 0.1)));
        // views
        cases.add(of("reshape", Gens.sameShape(1), ANY, (in, l) -> in.get(0).reshape(reversed(in.get(0).shape()))));
        cases.add(of("view", Gens.sameShape(1), ANY, (in, l) -> in.get(0).contiguous().view(reversed(in.get(0).shape()))));
        cases.add(of("permute", permutations(), ANY, (in, l) -> in.get(0).permute(permutation(l.param(0), l.param(5)))));
        cases.add(of("transpose", Gens.shapeWithAxis(), ANY, (in, l) -> in.get(0).transpose(l.param(5), -1)));
        cases.add(of("narrow", Gens.shapeWithAxis(), ANY, (in, l) -> {
            int size = in.get(0).size(l.param(5));
            return in.get(0).narrow(l.param(5), (size - 1) / 2, size - (size - 1) / 2);
        }));
        cases.add(of("slice", Gens.shapeWithAxis(), ANY, (in, l) -> in.get(0).slice(l.param(5), 0, in.get(0).size(l.param(5)), 2)));
        // params [rank, 3 sizes, mask of axes that have size 1 and are expanded]
        cases.add(of("expand", Gens.structured(new int[] {1, 1, 1, 1, 0}, new int[] {3, 4, 4, 4, 7}, p -> true,
                p -> List.of(withOnes(Arrays.copyOfRange(p, 1, 1 + p[0]), p[4]))), ANY, (in, l) -> {
                    int[] target = Arrays.copyOfRange(l.params(), 0, 1 + l.param(0));
                    target[0] = 2; // a new leading axis of size 2
                    return in.get(0).expand(target);
                }));
        cases.add(of("contiguous", Gens.sameShape(1), ANY, (in, l) -> in.get(0).contiguous()));
        cases.add(of("unsqueeze", Gens.shapeWithAxis(), ANY, (in, l) -> in.get(0).unsqueeze(l.param(5))));
        cases.add(of("squeeze", Gens.shapeWithAxis(), ANY, (in, l) -> in.get(0).unsqueeze(l.param(5)).squeeze(l.param(5))));
        // params [rank, 3 sizes, axis, count, 3 sizes along axis]
        cases.add(of("concat", Gens.structured(new int[] {1, 1, 1, 1, 0, 1, 1, 1, 1}, new int[] {3, 3, 3, 3, 2, 3, 3, 3, 3}, p -> p[4] < p[0],
                GradientCases::concatShapes), ANY, (in, l) -> Tensor.concat(in, l.param(4))));
        cases.add(of("stack", Gens.structured(new int[] {0, 1, 1, 1, 0, 1}, new int[] {3, 3, 3, 3, 3, 3}, p -> p[4] <= p[0],
                p -> java.util.Collections.nCopies(p[5], Arrays.copyOfRange(p, 1, 1 + p[0]))), ANY,
                (in, l) -> Tensor.stack(in, l.param(4))));
        // params [rank, 3 sizes, axis, index length]
        cases.add(of("gather", indexing(false), List.of(Domain.any(), Domain.indices(l -> l.param(1 + l.param(4)))),
                (in, l) -> in.get(0).gather(l.param(4), in.get(1))));
        cases.add(of("indexSelect", indexing(true), List.of(Domain.any(), Domain.indices(l -> l.param(1 + l.param(4)))),
                (in, l) -> in.get(0).indexSelect(l.param(4), in.get(1))));
        return cases;
    }

    /** params [rank, 4 sizes, axis bit mask, keepDim]. */
    private static Gen<Layout> reductions() {
        return Gens.structured(new int[] {0, 1, 1, 1, 1, 0, 0}, new int[] {4, 5, 5, 5, 5, 15, 1},
                p -> p[5] < (1 << p[0]), p -> List.of(Arrays.copyOfRange(p, 1, 1 + p[0])));
    }

    private static Gen<Layout> spreadReductions() {
        return Gens.structured(new int[] {1, 2, 2, 2, 2, 0, 0, 0}, new int[] {4, 4, 4, 4, 4, 15, 1, 1},
                p -> p[5] < (1 << p[0]), p -> List.of(Arrays.copyOfRange(p, 1, 1 + p[0])));
    }

    private static int[] axes(Layout l) {
        return java.util.stream.IntStream.range(0, l.param(0)).filter(a -> (l.param(5) & (1 << a)) != 0).toArray();
    }

    /** params [m, k, n, batch mode, batch size]: mode 0 plain, 1 batched by a matrix, 2 both batched, 3 broadcast batches. */
    private static Gen<Layout> matmuls() {
        return Gens.structured(new int[] {1, 1, 1, 0, 1}, new int[] {5, 5, 5, 3, 3}, p -> true, p -> {
            int m = p[0], k = p[1], n = p[2], b = p[4];
            return switch (p[3]) {
                case 0 -> List.of(new int[] {m, k}, new int[] {k, n});
                case 1 -> List.of(new int[] {b, m, k}, new int[] {k, n});
                case 2 -> List.of(new int[] {b, m, k}, new int[] {b, k, n});
                default -> List.of(new int[] {b, 1, m, k}, new int[] {2, k, n});
            };
        });
    }

    /** params [N, C, H, W, F, kH, kW, stride, padding, dilation, bias]. */
    private static Gen<Layout> convolutions() {
        return Gens.structured(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0}, new int[] {2, 3, 6, 6, 3, 3, 3, 2, 1, 2, 1},
                p -> p[2] + 2 * p[8] >= p[9] * (p[5] - 1) + 1 && p[3] + 2 * p[8] >= p[9] * (p[6] - 1) + 1,
                p -> p[10] == 1
                        ? List.of(new int[] {p[0], p[1], p[2], p[3]}, new int[] {p[4], p[1], p[5], p[6]}, new int[] {p[4]})
                        : List.of(new int[] {p[0], p[1], p[2], p[3]}, new int[] {p[4], p[1], p[5], p[6]}));
    }

    /**
     * params [N, groups, channels per group, filters per group, H, W (as k + extra), k, stride,
     * padding, bias]; at least two channels per group (one is the depthwise case, below).
     */
    private static Gen<Layout> groupedConvolutions() {
        return Gens.structured(new int[] {1, 2, 2, 1, 0, 0, 1, 1, 0, 0}, new int[] {2, 3, 2, 2, 3, 3, 3, 2, 1, 1}, p -> true, p -> {
            int channels = p[1] * p[2], filters = p[1] * p[3], h = p[6] + p[4], w = p[6] + p[5];
            int[] x = {p[0], channels, h, w}, weight = {filters, p[2], p[6], p[6]};
            return p[9] == 1 ? List.of(x, weight, new int[] {filters}) : List.of(x, weight);
        });
    }

    /**
     * params [N, C, filters per channel m, H, W (as the dilated kernel + extra), k, stride,
     * padding, dilation, bias].
     */
    private static Gen<Layout> depthwiseConvolutions() {
        return Gens.structured(new int[] {1, 1, 1, 0, 0, 1, 1, 0, 1, 0}, new int[] {2, 3, 2, 3, 3, 3, 2, 1, 2, 1}, p -> true, p -> {
            int span = (p[5] - 1) * p[8] + 1;
            int[] x = {p[0], p[1], span + p[3], span + p[4]}, weight = {p[1] * p[2], 1, p[5], p[5]};
            return p[9] == 1 ? List.of(x, weight, new int[] {p[1] * p[2]}) : List.of(x, weight);
        });
    }

    /** params [N, Cin, H, W, Cout, k, stride, padding, outputPadding, bias]. */
    private static Gen<Layout> transposedConvolutions() {
        return Gens.structured(new int[] {1, 1, 1, 1, 1, 1, 1, 0, 0, 0}, new int[] {2, 3, 4, 4, 3, 4, 2, 1, 1, 1},
                p -> p[8] < p[6] && (Math.min(p[2], p[3]) - 1) * p[6] - 2 * p[7] + p[5] + p[8] >= 1,
                p -> p[9] == 1
                        ? List.of(new int[] {p[0], p[1], p[2], p[3]}, new int[] {p[1], p[4], p[5], p[5]}, new int[] {p[4]})
                        : List.of(new int[] {p[0], p[1], p[2], p[3]}, new int[] {p[1], p[4], p[5], p[5]}));
    }

    /** params [N, C, H, W, kernel, stride, padding]. */
    private static Gen<Layout> pools() {
        return Gens.structured(new int[] {1, 1, 1, 1, 1, 1, 0}, new int[] {2, 2, 6, 6, 3, 3, 1},
                p -> 2 * p[6] <= p[4] && Math.min(p[2], p[3]) + 2 * p[6] >= p[4],
                p -> List.of(new int[] {p[0], p[1], p[2], p[3]}));
    }

    /** params [rank, 4 sizes, permutation number &lt; rank!]. */
    private static Gen<Layout> permutations() {
        return Gens.structured(new int[] {0, 1, 1, 1, 1, 0}, new int[] {4, 4, 4, 4, 4, 23}, p -> p[5] < factorial(p[0]),
                p -> List.of(Arrays.copyOfRange(p, 1, 1 + p[0])));
    }

    /** params [rank, 3 sizes, axis, index length]; the index is rank 1 or has the input's rank. */
    private static Gen<Layout> indexing(boolean rankOneIndex) {
        return Gens.structured(new int[] {1, 1, 1, 1, 0, 1}, new int[] {3, 4, 4, 4, 2, 4}, p -> p[4] < p[0], p -> {
            int[] x = Arrays.copyOfRange(p, 1, 1 + p[0]);
            int[] index = x.clone();
            index[p[4]] = p[5];
            return List.of(x, rankOneIndex ? new int[] {p[5]} : index);
        });
    }

    private static List<int[]> concatShapes(int[] p) {
        List<int[]> shapes = new ArrayList<>();
        for (int i = 0; i < p[5]; i++) {
            int[] shape = Arrays.copyOfRange(p, 1, 1 + p[0]);
            shape[p[4]] = p[6 + i];
            shapes.add(shape);
        }
        return shapes;
    }

    private static int[] withOnes(int[] shape, int mask) {
        for (int i = 0; i < shape.length; i++) {
            if ((mask & (1 << i)) != 0) {
                shape[i] = 1;
            }
        }
        return shape;
    }

    private static int[] reversed(int[] shape) {
        int[] out = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = shape[shape.length - 1 - i];
        }
        return out;
    }

    private static int factorial(int n) {
        return n <= 1 ? 1 : n * factorial(n - 1);
    }

    /** The n-th permutation of 0..rank-1 (Lehmer code). */
    private static int[] permutation(int rank, int n) {
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            left.add(i);
        }
        int[] order = new int[rank];
        for (int i = 0; i < rank; i++) {
            int f = factorial(rank - 1 - i);
            order[i] = left.remove(n / f);
            n %= f;
        }
        return order;
    }
}
