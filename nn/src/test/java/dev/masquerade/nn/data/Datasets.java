package dev.masquerade.nn.data;

import dev.masquerade.engine.testing.ExternalData;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tests on real data skip where the data set is not installed, except in CI, which installs it. */
public final class Datasets {
    private Datasets() {
    }

    /** Skips (or, under CI, fails) when Fashion-MNIST is not in folder. */
    public static void requireFashionMnist(Path folder) {
        boolean present = Files.isRegularFile(folder.resolve("t10k-labels-idx1-ubyte.gz")) || Files.isRegularFile(folder.resolve("t10k-labels-idx1-ubyte"));
        String message = "Fashion-MNIST is not in " + folder + "; install it with 'sudo apt-get install dataset-fashion-mnist'";
        ExternalData.require(present, message);
    }
}
