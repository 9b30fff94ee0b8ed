package dev.masquerade.voice.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The corpus scripts/fetch-voices.sh builds: sentences, each rendered by every voice, split into
 * training and held-out sentences. Because every voice says every sentence, the true target of
 * every conversion exists: A's held-out sentence converted to B can be compared with B saying it.
 */
public final class VoiceCorpus {
    /** Where scripts/fetch-voices.sh puts the corpus. */
    public static final Path DEFAULT = Path.of(System.getProperty("user.home"), ".cache", "masquerade", "voices");
    /** The voices the script renders. */
    public static final List<String> VOICES = List.of("awb", "rms", "slt", "kal16");

    private final Path folder;
    private final List<Sentence> sentences;

    /** One sentence: its id (the WAV files' name), whether it is held out, and its words. */
    public record Sentence(String id, boolean heldOut, String text) {
    }

    private VoiceCorpus(Path folder, List<Sentence> sentences) {
        this.folder = folder;
        this.sentences = sentences;
    }

    /** The corpus in {@code folder}, or one line saying how to build it. */
    public static VoiceCorpus open(Path folder) throws IOException {
        Path index = folder.resolve("sentences.tsv");
        if (!Files.isRegularFile(index)) {
            throw new IOException("no voice corpus at " + folder + " (its sentences.tsv is missing); build it with scripts/fetch-voices.sh");
        }
        List<Sentence> sentences = new ArrayList<>();
        for (String line : Files.readAllLines(index)) {
            String[] fields = line.split("\t", 3);
            if (fields.length != 3 || !(fields[1].equals("train") || fields[1].equals("held"))) {
                throw new IOException(index + ": the line '" + line + "' is not id, train|held and text separated by tabs; build the corpus"
                        + " again with scripts/fetch-voices.sh");
            }
            sentences.add(new Sentence(fields[0], fields[1].equals("held"), fields[2]));
        }
        return new VoiceCorpus(folder, List.copyOf(sentences));
    }

    /** The training sentences, or the held-out ones. */
    public List<Sentence> sentences(boolean heldOut) {
        return sentences.stream().filter(s -> s.heldOut() == heldOut).toList();
    }

    /** The WAV file of a voice saying a sentence, or one line when it is missing. */
    public Path wav(String voice, Sentence sentence) throws IOException {
        if (!VOICES.contains(voice)) {
            throw new IllegalArgumentException("flite:" + voice + " is not a voice of the corpus; use one of " + String.join(", ", VOICES));
        }
        Path file = folder.resolve(voice).resolve(sentence.id() + ".wav");
        if (!Files.isRegularFile(file)) {
            throw new IOException("the corpus at " + folder + " lacks " + voice + "/" + sentence.id() + ".wav; build it again with"
                    + " scripts/fetch-voices.sh");
        }
        return file;
    }
}
