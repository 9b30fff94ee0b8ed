package dev.masquerade.engine;

import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.array.Ownership;
import dev.masquerade.engine.array.Storage;
import dev.masquerade.engine.backend.Backends;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Who owns memory, and when it is given back. A training step allocates hundreds of
 * intermediate tensors (activations, gradients, temporaries of the kernels); on a GPU their
 * memory must come back as soon as the step ends, not whenever Java's garbage collector
 * happens to run. So a step runs inside a scope:
 *
 * <pre>{@code
 * for (Batch batch : batches) {
 *     try (Memory.Scope step = Memory.scope()) {
 *         Tensor loss = lossOf(model, batch);
 *         loss.backward();
 *         optimizer.step();
 *         log(loss.item());
 *     }   // everything the step allocated is released here
 * }
 * }</pre>
 *
 * <p>Closing a scope releases the memory of every tensor allocated inside it (on this thread),
 * except what was kept: {@link Scope#keep} hands a tensor to the enclosing scope (or to no
 * scope at all), and {@link #persist} exempts memory from every scope, for what outlives the
 * steps: parameters, optimizer state and module buffers (the {@code nn} classes persist those
 * themselves). Using a released tensor fails with a message that says so. Memory allocated
 * outside any scope is freed when it becomes unreachable, as the safety net.
 */
public final class Memory {
    private Memory() {
    }

    /** Opens a scope on this thread; close it (try-with-resources) to release what it allocated. */
    public static Scope scope() {
        return new Scope((Scope) Ownership.current());
    }

    /** Exempts t's memory from every scope: it lives as long as something refers to it. Returns t. */
    public static Tensor persist(Tensor t) {
        t.storage().persist();
        return t;
    }

    /** Bytes of device memory held by live storages of {@code device}'s backend, or -1 where it is not counted (the CPU). */
    public static long bytesInUse(Device device) {
        return Backends.of(device).deviceBytesInUse();
    }

    /** The memory allocated while it is open; see the class comment. */
    public static final class Scope implements AutoCloseable, Ownership.Owner {
        private final Scope enclosing;
        private final Set<Storage> owned = Collections.newSetFromMap(new IdentityHashMap<>());
        private boolean closed;

        private Scope(Scope enclosing) {
            this.enclosing = enclosing;
            Ownership.makeCurrent(this);
        }

        /** Every new storage on this thread comes here while this scope is the innermost one. */
        @Override
        public void adopt(Storage storage) {
            owned.add(storage);
        }

        /** Keeps t (and every view of its memory) alive past this scope: the enclosing scope owns it now. Returns t. */
        public Tensor keep(Tensor t) {
            Storage storage = t.storage();
            if (owned.remove(storage) && enclosing != null) {
                enclosing.owned.add(storage);
            }
            return t;
        }

        /** Releases what was allocated inside and not kept. Scopes close in the reverse order of opening. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            if (Ownership.current() != this) {
                throw new IllegalStateException("Memory scopes must close in the reverse order they were opened "
                        + "(close the inner scope first; try-with-resources does this for you)");
            }
            closed = true;
            Ownership.makeCurrent(enclosing);
            owned.forEach(Storage::release);
            owned.clear();
        }
    }
}
