package dev.masquerade.nn.data;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.array.Device;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Cuts a dataset into batches for one epoch at a time: optionally shuffled (a seeded
 * permutation per epoch, so runs repeat), optionally dropping a last short batch. A
 * background thread assembles the next batches while the model trains on the current one.
 */
public final class DataLoader {
    private static final int PREFETCH = 2;
    private final ArrayDataset dataset;
    private final int batchSize;
    private final boolean shuffle;
    private final boolean dropLast;
    private final Rng rng;
    private final Device device;

    public DataLoader(ArrayDataset dataset, int batchSize, boolean shuffle, boolean dropLast, Rng rng, Device device) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("DataLoader: batch size " + batchSize + " must be at least 1");
        }
        if (dropLast && batchSize > dataset.size()) {
            throw new IllegalArgumentException("--batch-size " + batchSize + " is more than the " + dataset.size()
                    + " training examples, and a short last batch is dropped, so an epoch would have no step; use at most " + dataset.size());
        }
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.dropLast = dropLast;
        this.rng = rng;
        this.device = device;
    }

    /** Number of batches per epoch. */
    public int batchesPerEpoch() {
        return (int) (dropLast ? dataset.size() / batchSize : ((long) dataset.size() + batchSize - 1) / batchSize); // long: no overflow for huge batches
    }

    /** The order of samples for the next epoch. */
    int[] nextOrder() {
        int[] order = new int[dataset.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (shuffle) { // Fisher-Yates
            for (int i = order.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }

    /** The batches of one epoch, assembled ahead by a background thread. */
    public Iterable<ArrayDataset.Batch> epoch() {
        int[] order = nextOrder();
        int batches = batchesPerEpoch();
        return () -> {
            BlockingQueue<Object> queue = new ArrayBlockingQueue<>(PREFETCH);
            Thread producer = new Thread(() -> {
                try {
                    for (int b = 0; b < batches; b++) {
                        int from = b * batchSize;
                        int[] indices = java.util.Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
                        queue.put(dataset.batch(indices, device));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    queue.offer(e);
                }
            }, "data-loader");
            producer.setDaemon(true);
            producer.start();
            return new Iterator<>() {
                private int delivered;

                @Override
                public boolean hasNext() {
                    if (delivered == batches) {
                        producer.interrupt();
                        return false;
                    }
                    return true;
                }

                @Override
                public ArrayDataset.Batch next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    try {
                        Object item = queue.take();
                        if (item instanceof RuntimeException e) {
                            throw e;
                        }
                        delivered++;
                        return (ArrayDataset.Batch) item;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("data loader interrupted", e);
                    }
                }
            };
        };
    }
}
