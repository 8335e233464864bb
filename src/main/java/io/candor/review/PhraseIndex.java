package io.candor.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Every phrase set of the process looked up together: one pass over a draft's word starts
 * finds, for each start, the branches of all sets whose first word begins there, and tries
 * only those. With a few hundred sets, asking each set in turn to walk the same twenty word
 * starts cost more than the matching itself. Sets register as they are built (at start-up);
 * the index is rebuilt on the next draft after one has. Thread-safe.
 */
final class PhraseIndex {
    /** A branch of a set that can start only where {@code word} does; {@code global} numbers it among all sets' branches. */
    record Candidate(String word, int set, PhraseSet.Branch branch, int global) {
    }

    /**
     * A set and the number of its first branch among all sets' (its own number is its place in
     * the list): read from here, never from the set, which may still be being built.
     */
    private record Registered(PhraseSet set, int firstBranch) {
    }

    private static final Candidate[] NONE = new Candidate[0];
    private static final List<Registered> REGISTERED = new ArrayList<>();
    private static int registeredBranches;
    private static volatile int registeredSets;
    private static volatile PhraseIndex current = new PhraseIndex(List.of(), 0);
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final int sets;
    private final int branches;
    /** Candidates whose first word is one character long, by that character (ASCII in an array, the rest in a map). */
    private final Candidate[][] byAscii = new Candidate[128][];
    private final Map<Character, Candidate[]> byOtherChar = new HashMap<>();
    /** Candidates whose first word has two characters or more, by their first two. */
    private final PairTable byFirstTwo = new PairTable();

    private PhraseIndex(List<Registered> all, int branches) {
        this.sets = all.size();
        this.branches = branches;
        Map<Character, List<Candidate>> single = new HashMap<>();
        Map<Integer, List<Candidate>> byPair = new HashMap<>();
        for (int id = 0; id < all.size(); id++) {
            Registered r = all.get(id);
            for (PhraseSet.FirstWord f : r.set().firstWords()) {
                Candidate c = new Candidate(f.word(), id, f.branch(), r.firstBranch() + f.branch().index());
                if (f.word().length() == 1) {
                    single.computeIfAbsent(f.word().charAt(0), k -> new ArrayList<>()).add(c);
                } else {
                    byPair.computeIfAbsent(PairTable.key(f.word().charAt(0), f.word().charAt(1)), k -> new ArrayList<>()).add(c);
                }
            }
        }
        single.forEach((ch, list) -> {
            if (ch < byAscii.length) {
                byAscii[ch] = list.toArray(NONE);
            } else {
                byOtherChar.put(ch, list.toArray(NONE));
            }
        });
        byPair.forEach((k, list) -> byFirstTwo.put(k, list.toArray(NONE)));
    }

    /**
     * Numbers a new set and its branches; the index includes it from the next scan on. Called
     * at the end of the set's constructor, once its first words are all there.
     */
    static synchronized int register(PhraseSet set, int branches) {
        REGISTERED.add(new Registered(set, registeredBranches));
        registeredBranches += branches;
        registeredSets = REGISTERED.size();
        return REGISTERED.size() - 1;
    }

    /** The index of every set registered so far. */
    static PhraseIndex current() {
        PhraseIndex i = current;
        if (i.sets == registeredSets) {
            return i;
        }
        synchronized (PhraseIndex.class) {
            if (current.sets != REGISTERED.size()) {
                current = new PhraseIndex(List.copyOf(REGISTERED), registeredBranches);
            }
            return current;
        }
    }

    /** What every set's first-word branches match at the draft's word starts, and what each set finally found. */
    static final class Scan {
        private final int sets;
        private final List<int[]>[] started;
        private final List<int[]>[] found;

        @SuppressWarnings("unchecked")
        private Scan(int sets) {
            this.sets = sets;
            this.started = new List[sets];
            this.found = new List[sets];
        }

        boolean covers(int set) {
            return set < sets;
        }

        /** The matches of the set's first-word branches, in the order found; empty when none. */
        List<int[]> started(int set) {
            return started[set] == null ? List.of() : started[set];
        }

        List<int[]> found(int set) {
            return found[set];
        }

        void remember(int set, List<int[]> matches) {
            found[set] = matches;
        }
    }

    /**
     * Tries, at each word start, the branches whose first word begins there: a branch is not
     * tried again inside its own last match, so a draft of 20,000 numbers costs one pass
     * (see PathologicalDraftsBenchmark).
     */
    Scan scan(String folded, int[] wordStarts) {
        Scan out = new Scan(sets);
        if (sets == 0) {
            return out;
        }
        Scratch s = SCRATCH.get().next(branches);
        for (int at : wordStarts) {
            char first = folded.charAt(at);
            Candidate[] single = first < byAscii.length ? byAscii[first] : byOtherChar.get(first);
            if (single != null) {
                tryEach(single, folded, at, out, s);
            }
            if (at + 1 < folded.length()) {
                Candidate[] two = byFirstTwo.get(PairTable.key(first, folded.charAt(at + 1)));
                if (two != null) {
                    tryEach(two, folded, at, out, s);
                }
            }
        }
        return out;
    }

    private static void tryEach(Candidate[] candidates, String folded, int at, Scan out, Scratch s) {
        int last = -1;
        for (Candidate c : candidates) {
            int b = c.global();
            if (b == last || !folded.startsWith(c.word(), at) || at < s.busyUntil(b)) {
                continue;
            }
            last = b;
            Matcher m = s.matcher(c.branch(), b, folded);
            m.region(at, folded.length());
            if (m.lookingAt() && m.end() > m.start()) {
                int set = c.set();
                if (out.started[set] == null) {
                    out.started[set] = new ArrayList<>(2);
                }
                out.started[set].add(new int[] {m.start(), m.end()});
                s.busy(b, m.end());
            }
        }
    }

    /**
     * A thread's matchers, one per branch, moved from draft to draft (making one costs more
     * than a match), and where each branch's last match ended in the current draft.
     */
    private static final class Scratch {
        private Matcher[] matchers = new Matcher[0];
        private int[] boundTo = new int[0];
        private int[] busy = new int[0];
        private int[] busyIn = new int[0];
        private int draft;

        Scratch next(int branches) {
            if (matchers.length < branches) {
                matchers = Arrays.copyOf(matchers, branches);
                boundTo = Arrays.copyOf(boundTo, branches);
                busy = Arrays.copyOf(busy, branches);
                busyIn = Arrays.copyOf(busyIn, branches);
            }
            draft++;
            if (draft == 0) { // wrapped: no stamp may look current
                Arrays.fill(boundTo, -1);
                Arrays.fill(busyIn, -1);
                draft = 1;
            }
            return this;
        }

        int busyUntil(int b) {
            return busyIn[b] == draft ? busy[b] : 0;
        }

        void busy(int b, int end) {
            busy[b] = end;
            busyIn[b] = draft;
        }

        Matcher matcher(PhraseSet.Branch branch, int b, String folded) {
            Matcher m = matchers[b];
            if (m == null) {
                m = branch.pattern().matcher(folded).useTransparentBounds(true).useAnchoringBounds(false);
                matchers[b] = m;
            } else if (boundTo[b] != draft) {
                m.reset(folded);
            }
            boundTo[b] = draft;
            return m;
        }
    }

    /** An open-addressing map from two characters (as one int) to candidates: no boxing on the lookup a word start makes. */
    private static final class PairTable {
        private int[] keys = new int[16];
        private Candidate[][] values = new Candidate[16][];
        private int size;

        static int key(char a, char b) {
            return (a << 16 | b) + 1; // never 0, the empty slot
        }

        void put(int key, Candidate[] value) {
            if (2 * (size + 1) > keys.length) {
                int[] oldKeys = keys;
                Candidate[][] oldValues = values;
                keys = new int[oldKeys.length * 2];
                values = new Candidate[oldKeys.length * 2][];
                size = 0;
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldKeys[i] != 0) {
                        put(oldKeys[i], oldValues[i]);
                    }
                }
            }
            int i = slot(key);
            if (keys[i] == 0) {
                size++;
            }
            keys[i] = key;
            values[i] = value;
        }

        Candidate[] get(int key) {
            return values[slot(key)];
        }

        private int slot(int key) {
            int mask = keys.length - 1;
            int i = (key * 0x9E3779B9 >>> 7) & mask;
            while (keys[i] != 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            return i;
        }
    }
}
