package dev.masquerade.translation.tasks;

/**
 * The part of a task that only describes it: its name, its pictures' channels and size, whether
 * it has pairs, and the networks that suit it. The tasks extend this and add their data.
 */
public abstract class DescribedTask implements TranslationTask {
    private final String name;
    private final int channels;
    private final int size;
    private final boolean pairs;
    private final Architecture architecture;

    protected DescribedTask(String name, int channels, int size, boolean pairs, Architecture architecture) {
        this.name = name;
        this.channels = channels;
        this.size = size;
        this.pairs = pairs;
        this.architecture = architecture;
    }

    @Override
    public final String cliName() {
        return name;
    }

    @Override
    public final int channels() {
        return channels;
    }

    @Override
    public final int size() {
        return size;
    }

    @Override
    public final boolean hasPairs() {
        return pairs;
    }

    @Override
    public final Architecture architecture() {
        return architecture;
    }
}
