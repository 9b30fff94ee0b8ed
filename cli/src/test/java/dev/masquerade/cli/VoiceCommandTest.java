package dev.masquerade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.testing.ExternalData;
import dev.masquerade.voice.audio.Wav;
import dev.masquerade.voice.audio.Waveform;
import dev.masquerade.voice.data.VoiceCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** masquerade voice train and voice convert, as a user runs them: a short run on two flite voices, a conversion, and bad input. */
class VoiceCommandTest {
    private final CommandLineUser user = new CommandLineUser();

    @TempDir
    Path work;

    @Test
    void trainOnTwoFliteVoicesThenConvertAHeldOutSentence() throws Exception {
        ExternalData.require(Files.isRegularFile(VoiceCorpus.DEFAULT.resolve("sentences.tsv")), "no voice corpus: run scripts/fetch-voices.sh");
        Path run = work.resolve("run");
        assertEquals(0, user.run("voice", "train", "--a", "flite:awb", "--b", "flite:slt", "--steps", "20", "--width", "32", "--out",
                run.toString(), "--no-progress"), user.err());
        assertTrue(user.out().contains("held-out sentences of A said as B: MCD"), user.out());
        for (String file : new String[] {"checkpoint.json", "metrics.json", "loss.png", "spectrograms.png", "samples/s100_a_as_b.wav"}) {
            assertTrue(Files.exists(run.resolve(file)), file);
        }
        Path converted = work.resolve("converted");
        Path sentence = VoiceCorpus.DEFAULT.resolve("awb").resolve("s105.wav");
        assertEquals(0, user.run("voice", "convert", "--checkpoint", run.resolve("checkpoint.json").toString(), "--input", sentence.toString(),
                "--out", converted.toString()), user.err());
        Waveform out = Wav.read(converted.resolve("s105_as_b.wav"));
        assertEquals(Wav.read(sentence).seconds(), out.seconds(), 0.05, "the conversion keeps the sentence's length");
        assertTrue(user.out().contains("s105_as_b.png (top to bottom: the recording, as b, flite:slt's own)"), user.out());
        assertEquals(3 * 128 + 2 * 4, javax.imageio.ImageIO.read(converted.resolve("s105_as_b.png").toFile()).getHeight(),
                "three strips of 64 bands, 2 px each, 4 px apart: the corpus sentence's true target below the conversion");
        assertEquals(1, user.run("voice", "convert", "--checkpoint", run.resolve("checkpoint.json").toString(), "--input", sentence.toString(),
                "--out", converted.toString()));
        assertTrue(user.err().contains("s105_as_b.wav exists; choose another --out"), user.err());

        CommandLineUser resuming = new CommandLineUser();
        assertEquals(1, resuming.run("voice", "train", "--a", "flite:awb", "--b", "flite:slt", "--steps", "40", "--width", "32", "--decoders",
                "shared", "--resume", "--out", run.toString(), "--no-progress"));
        assertTrue(resuming.err().contains("was trained with --decoders per-speaker, not shared; give the same --decoders"), resuming.err());
        assertTrue(!resuming.out().contains("speaker classifier"), "refused before the judge trains: " + resuming.out());
        assertEquals(1, resuming.run("voice", "train", "--a", "flite:awb", "--b", "flite:slt", "--steps", "40", "--width", "32", "--seed", "7",
                "--resume", "--out", run.toString(), "--no-progress"));
        assertTrue(resuming.err().contains("was trained with --seed 42, not 7; give the same --seed"), resuming.err());
    }

    @Test
    void compareRunsOfTwoCodeWidthsAsATableAndAChart() throws Exception {
        ExternalData.require(Files.isRegularFile(VoiceCorpus.DEFAULT.resolve("sentences.tsv")), "no voice corpus: run scripts/fetch-voices.sh");
        Path narrow = work.resolve("narrow"), wider = work.resolve("wider");
        assertEquals(0, user.run("voice", "train", "--a", "flite:awb", "--b", "flite:slt", "--steps", "10", "--width", "16", "--code", "1",
                "--out", narrow.toString(), "--no-progress"), user.err());
        assertEquals(0, user.run("voice", "train", "--a", "flite:awb", "--b", "flite:slt", "--steps", "10", "--width", "16", "--code", "4",
                "--out", wider.toString(), "--no-progress"), user.err()); // one decoder per speaker: a shared one is coursework task 13.4
        assertTrue(user.out().contains("(width 16, code 4, per-speaker decoders)"), user.out());
        Path chart = work.resolve("bottleneck.png");
        assertEquals(0, user.run("voice", "compare", narrow.toString(), wider.toString(), "--out", chart.toString()), user.err());
        assertTrue(user.out().contains("code  decoders     MCD to B  MCD to A  content  heard as B"), user.out());
        assertTrue(user.out().matches("(?s).*\\n   1  per-speaker  +[0-9.]+ dB  +[0-9.]+ dB +[0-9]+% +[0-9]+%  .*narrow.*"), user.out());
        assertTrue(user.out().matches("(?s).*\\n   4  per-speaker  +[0-9.]+ dB .*wider.*"), user.out());
        assertTrue(Files.size(chart) > 1000, "the chart is drawn");
        assertTrue(user.out().contains("flite:awb → flite:slt, 10 steps, width 16\n"), user.out());
        assertEquals(1, user.run("voice", "compare", narrow.toString(), "--out", chart.toString()));
        assertTrue(user.err().contains(chart + " exists; choose another --out (nothing is overwritten)"), user.err());

        Path longer = Files.createDirectories(work.resolve("longer"));
        Files.writeString(longer.resolve("metrics.json"), Files.readString(narrow.resolve("metrics.json")).replace("\"steps\" : 10", "\"steps\" : 20"));
        CommandLineUser comparing = new CommandLineUser();
        assertEquals(0, comparing.run("voice", "compare", narrow.toString(), longer.toString(), "--out", work.resolve("c2.png").toString()));
        assertTrue(comparing.out().contains("note: these runs differ in more than the code and the decoders (flite:awb → flite:slt, 10 steps,"
                + " width 16; flite:awb → flite:slt, 20 steps, width 16), so their distances do not compare; train them alike"), comparing.out());
        assertEquals(1, user.run("voice", "compare", work.toString(), "--out", work.resolve("c3.png").toString()));
        assertTrue(user.err().contains(work + " has no metrics.json: pass the folders of finished 'masquerade voice train' runs"), user.err());
    }

    /** A folder of some of a corpus voice's recordings, as a user's own would be: training files, and held-out ones under held-out/. */
    private Path recordings(String name, String voice, int firstTraining, String... heldOut) throws Exception {
        Path folder = Files.createDirectories(work.resolve(name)), held = Files.createDirectories(folder.resolve("held-out"));
        for (int i = firstTraining; i < firstTraining + 6; i++) {
            String file = String.format("s%03d.wav", i);
            Files.copy(VoiceCorpus.DEFAULT.resolve(voice).resolve(file), folder.resolve(file));
        }
        for (String file : heldOut) {
            Files.copy(VoiceCorpus.DEFAULT.resolve(voice).resolve(file), held.resolve(file));
        }
        return folder;
    }

    @Test
    void ownRecordingsWithTheSameHeldOutSentencesAreMeasuredAndDifferentOnesAreOneLine() throws Exception {
        ExternalData.require(Files.isRegularFile(VoiceCorpus.DEFAULT.resolve("sentences.tsv")), "no voice corpus: run scripts/fetch-voices.sh");
        Path me = recordings("me", "rms", 0, "s100.wav", "s101.wav", "s102.wav");
        Path friend = recordings("friend", "kal16", 10, "s100.wav", "s101.wav", "s102.wav");
        Path run = work.resolve("run");
        assertEquals(0, user.run("voice", "train", "--a", me.toString(), "--b", friend.toString(), "--steps", "10", "--width", "16", "--out",
                run.toString(), "--no-progress"), user.err());
        assertTrue(user.out().contains("held-out sentences of A said as B: MCD"), user.out());
        assertTrue(!user.out().contains("speaker classifier"), "no judge for voices outside the corpus: " + user.out());
        assertTrue(Files.exists(run.resolve("samples/s102_b_target.wav")), "samples are named after the held-out files");
        assertTrue(user.out().contains("on " + me + " (6 utterances, 3 held out)"), user.out());

        CommandLineUser converting = new CommandLineUser();
        assertEquals(1, converting.run("voice", "convert", "--checkpoint", run.resolve("checkpoint.json").toString(), "--input", me.toString(),
                "--out", me.resolve("held-out").toString()));
        assertTrue(converting.err().contains("--out " + me.resolve("held-out") + " is inside the --input folder " + me), converting.err());

        Files.walk(me.resolve("held-out")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        CommandLineUser apart = new CommandLineUser();
        assertEquals(0, apart.run("voice", "train", "--a", me.toString(), "--b", friend.toString(), "--steps", "2", "--width", "16", "--out",
                work.resolve("apart").toString(), "--no-progress"), apart.err());
        assertTrue(apart.out().contains("no conversion measures: they need the same sentences from both speakers in held-out/ folders"), apart.out());
        Files.createDirectories(me.resolve("held-out"));
        Files.copy(VoiceCorpus.DEFAULT.resolve("rms").resolve("s102.wav"), me.resolve("held-out").resolve("s102.wav"));

        Files.move(friend.resolve("held-out/s102.wav"), friend.resolve("held-out/s103.wav"));
        assertEquals(1, user.run("voice", "train", "--a", me.toString(), "--b", friend.toString(), "--steps", "10", "--out",
                work.resolve("r2").toString(), "--no-progress"));
        assertTrue(user.err().contains(me + " has held-out s102.wav and " + friend + " does not; held-out recordings measure conversions only"
                + " when both speakers said the same sentences, under the same file names"), user.err());
    }

    @Test
    void aFolderWithATooShortOrSilentRecordingIsOneLine() throws Exception {
        Path speaker = Files.createDirectories(work.resolve("speaker")), other = Files.createDirectories(work.resolve("other"));
        Wav.write(new Waveform(new double[16000], 16000), speaker.resolve("quiet.wav"));
        assertEquals(1, user.run("voice", "train", "--a", speaker.toString(), "--b", other.toString(), "--steps", "1", "--out",
                work.resolve("r").toString(), "--no-progress"));
        assertTrue(user.err().contains("quiet.wav is silent"), user.err());
        Files.delete(speaker.resolve("quiet.wav"));
        Wav.write(new Waveform(new double[1000], 16000), speaker.resolve("short.wav"));
        assertEquals(1, user.run("voice", "train", "--a", speaker.toString(), "--b", other.toString(), "--steps", "1", "--out",
                work.resolve("r2").toString(), "--no-progress"));
        assertTrue(user.err().contains("short.wav lasts 0.063 s; the voice swap needs at least 0.256 s of speech per file"), user.err());
    }

    @Test
    void theSameSpeakerTwiceOrAZeroStepRunIsRefusedByOption() {
        assertEquals(1, user.run("voice", "train", "--a", "flite:awb", "--b", "flite:awb", "--out", work.resolve("r").toString()));
        assertTrue(user.err().contains("--a and --b are both flite:awb; a voice swap needs two different speakers"), user.err());
        assertEquals(1, user.run("voice", "train", "--a", "flite:awb", "--b", "flite:slt", "--steps", "0", "--out", work.resolve("r").toString()));
        assertTrue(user.err().contains("--steps must be at least 1, got 0"), user.err());
    }

    @Test
    void aMissingCorpusOrAnotherModelsCheckpointIsOneLine() throws Exception {
        assertEquals(1, user.run("voice", "train", "--a", "flite:awb", "--b", "flite:slt", "--corpus", work.toString(), "--out",
                work.resolve("r").toString(), "--no-progress"));
        assertTrue(user.err().contains("no voice corpus at " + work + " (its sentences.tsv is missing); build it with scripts/fetch-voices.sh"),
                user.err());
        Path other = work.resolve("other.json");
        dev.masquerade.nn.io.Checkpoint.save(other, java.util.Map.of("w", dev.masquerade.engine.Tensor.zeros(1)), java.util.Map.of("model", "faceswap"));
        Path wav = work.resolve("a.wav");
        Wav.write(new Waveform(new double[4000], 16000), wav);
        assertEquals(1, user.run("voice", "convert", "--checkpoint", other.toString(), "--input", wav.toString(), "--out", work.resolve("o").toString()));
        assertTrue(user.err().contains("is not a voice swap checkpoint"), user.err());
    }
}
