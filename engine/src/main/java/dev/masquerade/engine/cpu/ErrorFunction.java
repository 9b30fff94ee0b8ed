package dev.masquerade.engine.cpu;

/**
 * The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt, which Java's Math lacks, to double
 * precision. Near zero a series of positive terms (no cancellation):
 * erf x = 2/√π · e^(−x²) · Σₙ 2ⁿ x^(2n+1) / (1·3·5···(2n+1)).
 * Further out, erf x = 1 − erfc x with erfc's continued fraction
 * erfc x = e^(−x²)/√π · 1/(x + ½/(x + 1/(x + (3/2)/(x + 2/(x + ...))))), evaluated by Lentz's method.
 */
final class ErrorFunction {
    private static final double TWO_OVER_ROOT_PI = 2 / Math.sqrt(Math.PI);
    private static final double SERIES_LIMIT = 3;

    private ErrorFunction() {
    }

    static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double a = Math.abs(x);
        double value = a < SERIES_LIMIT ? series(a) : 1 - complementFraction(a);
        return Math.copySign(value, x);
    }

    private static double series(double x) {
        double term = x;
        double sum = x;
        for (int n = 1; n < 200 && term > 1e-17 * sum; n++) {
            term *= 2 * x * x / (2 * n + 1);
            sum += term;
        }
        return TWO_OVER_ROOT_PI * Math.exp(-x * x) * sum;
    }

    /** erfc x for x ≥ 3, by the continued fraction with partial numerators k/2. */
    private static double complementFraction(double x) {
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < 300; k++) {
            double numerator = k / 2.0;
            d = x + numerator * d;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = x + numerator / (Math.abs(c) < tiny ? tiny : c);
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
    }
}
