package io.candor.identity;

import java.util.Objects;

/**
 * Who owns a mention, or is reminded: a person from {@code people:} by their name, or someone
 * Candor met on a chat surface by their {@link ChatKey}. Stored as one text ({@link #key()}:
 * the name, or {@code surface:team:id}); {@link #parse} is the one place that text is read back.
 */
public sealed interface PersonRef permits PersonRef.Named, ChatKey {
    /** The stored text: a name, or {@code surface:team:id}. */
    String key();

    /** The reference a stored text stands for: a chat key when it reads as one, else a name. */
    static PersonRef parse(String stored) {
        return ChatKey.parse(stored).<PersonRef>map(k -> k).orElseGet(() -> new Named(stored));
    }

    static PersonRef named(String name) {
        return new Named(name);
    }

    /** A person by name: someone in {@code people:}, or a name a tool or an older setting gave. */
    record Named(String name) implements PersonRef {
        public Named {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String key() {
            return name;
        }

        @Override
        public String toString() {
            return name;
        }

        // by hand, as ChatKey's: a record's own go through method handles, slow before the JIT compiles them
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Named n && name.equals(n.name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }
}
