package dev.masquerade.engine.array;

/**
 * Who gives a storage's memory back. Each thread has at most one current {@link Owner}; every
 * new {@link Storage} is handed to it. The engine's memory scopes ({@code Memory.scope()})
 * are owners: they make themselves current while open and release what they were handed when
 * they close.
 *
 * <p>This small interface is what keeps storages below the scopes: a storage calls
 * {@link #adopt} and never sees the class that decides when it is released.
 */
public final class Ownership {
    private static final ThreadLocal<Owner> CURRENT = new ThreadLocal<>();

    private Ownership() {
    }

    /** Something that takes charge of storages and releases them later. */
    public interface Owner {
        /** Takes charge of a storage just made on this thread. */
        void adopt(Storage storage);
    }

    /** The owner new storages on this thread go to, or null when none is open. */
    public static Owner current() {
        return CURRENT.get();
    }

    /** Makes {@code owner} (null: none) the one new storages on this thread go to. */
    public static void makeCurrent(Owner owner) {
        CURRENT.set(owner);
    }

    static void adopt(Storage storage) {
        Owner owner = CURRENT.get();
        if (owner != null) {
            owner.adopt(storage);
        }
    }
}
