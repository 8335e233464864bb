package io.candor.store;

import io.candor.identity.PersonRef;
import io.candor.mention.model.Ingested;
import io.candor.mention.model.MentionState;
import io.candor.mention.model.NewMention;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a mention's writes cost in process: one mention taken in at a time (a third of them
 * owned by one of 20 people), every second one answered right after, as the webhook and a busy
 * team do, on the H2 file given (the {@code MentionListBenchmark}'s, with its 100,000 waiting)
 * or a new one. Three rounds; prints p50/p99 of each. Run:
 * {@code mvn -B -o -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.candor.store.MentionWriteBenchmark -Dexec.args="/tmp/mlb/db 3000"}
 */
public final class MentionWriteBenchmark {
    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : java.nio.file.Files.createTempDirectory("candor-write-bench").resolve("db").toString();
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        String run = Long.toString(System.nanoTime(), 36);
        try (Database d = Database.open(db)) {
            MentionStore store = new MentionStore(d);
            for (int round = 0; round < 3; round++) {
                double[] ms = new double[n];
                for (int i = 0; i < n; i++) {
                    Optional<PersonRef> owner = i % 3 == 0 ? Optional.of(PersonRef.named("person-" + (i % 20))) : Optional.empty();
                    long t = System.nanoTime();
                    List<Ingested> in = store.ingest(List.of(new NewMention("x", "w" + run + round + "-" + i, "@new",
                            "A new mention.", null, Instant.now(), owner, null)), "bench", Instant.now(), m -> m.assignee());
                    if (i % 2 == 0) {
                        store.change(in.get(0).mention().id(), "bench", Instant.now(),
                                MentionStore.Change.state(MentionState.ANSWERED, "done", null));
                    }
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf("round %d: p50 %.2f ms, p99 %.2f ms a mention taken in (every second one answered too); load %s%n",
                        round + 1, ms[n / 2], ms[(int) (n * 0.99)],
                        java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]);
            }
        }
    }
}
