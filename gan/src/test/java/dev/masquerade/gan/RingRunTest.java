package dev.masquerade.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The toy GAN: with the non-saturating loss the generator spreads over the ring's modes (target: at least 7 of 8). */
class RingRunTest {
    @TempDir
    Path folder;

    @Tag("task-6.5")
    @Test
    void theNonSaturatingLossCoversTheRing() throws IOException {
        GanRun.Result result = GanRun.train(new RingTask(RingTask.BATCHES_PER_EPOCH), RingTask.options(GanLoss.NONSATURATING, 42, false),
                folder, false);
        int covered = ((Number) result.summary().get("modes_covered")).intValue();
        assertTrue(covered >= 7, "modes covered: " + covered + " of 8, " + result.summary());
        JsonNode metrics = new ObjectMapper().readTree(folder.resolve("metrics.json").toFile());
        assertEquals(covered, metrics.get("modes_covered").asInt());
        assertTrue(metrics.get("near_fraction").asDouble() > 0.5, metrics.toString());
        for (int epoch = 0; epoch <= RingTask.EPOCHS; epoch++) {
            assertTrue(Files.size(folder.resolve(GanRun.samplesFile(epoch))) > 1000, "scatter plot of epoch " + epoch);
        }
        assertTrue(Files.size(folder.resolve("loss.png")) > 1000);
    }

    @Test
    void thePapersInitialisationStartsFromOtherWeightsAndIsRecorded() throws IOException {
        GanOptions paper = RingTask.options(GanLoss.NONSATURATING, 42, false).toBuilder().epochs(1).init("paper").build();
        GanRun.train(new RingTask(4), paper, folder.resolve("paper"), false);
        GanRun.train(new RingTask(4), paper.toBuilder().init("default").build(), folder.resolve("default"), false);
        JsonNode config = new ObjectMapper().readTree(folder.resolve("paper").resolve(GanRun.CHECKPOINT).toFile()).get("config");
        assertEquals("paper", config.get("init").asText());
        assertTrue(!Files.readString(folder.resolve("paper/metrics.jsonl")).equals(Files.readString(folder.resolve("default/metrics.jsonl"))),
                "other starting weights, another run");
    }
}
