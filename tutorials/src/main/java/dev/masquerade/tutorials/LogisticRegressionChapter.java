package dev.masquerade.tutorials;

import dev.masquerade.detection.spectrum.LogisticRegression;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chapter 28, logistic regression and its gradient: three points with two features, one step's
 * probabilities, loss and gradient, by the chapter's formula Xᵀ(σ(Xw + b) − y)/N and by the
 * engine's autograd through {@link LogisticRegression}.
 */
public final class LogisticRegressionChapter extends Chapter {
    static final double[][] X = {{1, 2}, {-1, 0.5}, {0.5, -1}};
    static final double[] Y = {1, 0, 1};
    static final double[] W = {0.3, -0.2};
    static final double B = 0.1;

    public LogisticRegressionChapter() {
        super(28, "Logistic regression and its gradient", "28-logistic-regression.md");
    }

    /** σ(x·w + b) for each point. */
    static double[] probabilities() {
        double[] p = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            double z = X[i][0] * W[0] + X[i][1] * W[1] + B;
            p[i] = 1 / (1 + Math.exp(-z));
        }
        return p;
    }

    // snippet: formula
    /** The gradient by the chapter's result: ∂L/∂w = Xᵀ(p − y)/N, ∂L/∂b = mean(p − y); returns {∂w₀, ∂w₁, ∂b}. */
    static double[] formulaGradient() {
        double[] p = probabilities(), gradient = new double[3];
        for (int i = 0; i < X.length; i++) {
            double residual = p[i] - Y[i]; // how far each probability is from its label
            gradient[0] += X[i][0] * residual / X.length;
            gradient[1] += X[i][1] * residual / X.length;
            gradient[2] += residual / X.length;
        }
        return gradient;
    }
    // end snippet

    /** The model at w, b, for autograd: a fresh one fitted for no steps, its parameters set. */
    static LogisticRegression model() {
        LogisticRegression model = new LogisticRegression(2);
        model.namedParameters().get("weight").replace(Tensor.of(W, DType.F64, 2, 1));
        model.namedParameters().get("bias").replace(Tensor.of(new double[] {B}, DType.F64, 1));
        return model;
    }

    static Tensor features() {
        return Tensor.of(new double[] {X[0][0], X[0][1], X[1][0], X[1][1], X[2][0], X[2][1]}, DType.F64, 3, 2);
    }

    /** The loss and its gradient by the engine: {L, ∂w₀, ∂w₁, ∂b}. */
    static double[] autogradGradient() {
        LogisticRegression model = model();
        Tensor loss = model.loss(features(), Tensor.of(Y, DType.F64, 3, 1), 0);
        loss.backward();
        double[] w = model.namedParameters().get("weight").grad().toDoubleArray();
        return new double[] {loss.item(), w[0], w[1], model.namedParameters().get("bias").grad().item()};
    }

    @Override
    public Map<String, Double> numbers() {
        Map<String, Double> numbers = new LinkedHashMap<>();
        double[] p = probabilities(), formula = formulaGradient(), autograd = autogradGradient();
        for (int i = 0; i < p.length; i++) {
            numbers.put("p" + i, p[i]);
        }
        numbers.put("loss", autograd[0]);
        numbers.put("dw0", formula[0]);
        numbers.put("dw1", formula[1]);
        numbers.put("db", formula[2]);
        numbers.put("autograd dw0", autograd[1]);
        numbers.put("autograd dw1", autograd[2]);
        numbers.put("autograd db", autograd[3]);
        return numbers;
    }
}
