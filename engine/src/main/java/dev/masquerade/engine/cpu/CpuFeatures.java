package dev.masquerade.engine.cpu;

/**
 * Which CPU kernels run. The fast float32 kernels need the Vector API, an incubator module in
 * Java 17 that is present only when the JVM starts with {@code --add-modules jdk.incubator.vector}
 * (the launcher, Surefire and the benchmarks pass it). Without it, or with
 * {@code -Dmasquerade.cpu.plain=true}, every operation runs on the plain reference kernels.
 */
final class CpuFeatures {
    /** Whether the Vector API kernels are in use. */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("masquerade.cpu.plain");

    private CpuFeatures() {
    }

    /** One line for {@code masquerade devices}. */
    static String describe() {
        return VECTOR ? "float32 on " + VectorGemm.describe()
                : "plain-Java kernels (start Java with --add-modules jdk.incubator.vector for the fast float32 path)";
    }
}
