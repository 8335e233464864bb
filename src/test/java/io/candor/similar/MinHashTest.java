package io.candor.similar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinHashTest {
    private final MinHash minHash = new MinHash(128);
    private final Shingler shingler = new Shingler(6, List.of("reposting"));

    /**
     * Signatures are stored in the history database: a faster way to compute them must give
     * the very values earlier versions stored, or every kept post stops matching its copies.
     * These were computed by the first implementation (one hash function over all shingles).
     */
    @Test
    void signaturesAreTheOnesEarlierVersionsStored() {
        assertEquals("n0e95oiV0TnnybBKelJKS7K7KYUZC8a0umK9jtjBo6bIoSBnX+Z63tiqkPHMZGIk04QNZXhNkTsPLpjbE2a3NEgYDOVCEIgmL9Z95npc2AFy"
                        + "47n1RLjX9JeB/T3/lcVraZP+HfVxYTE6NYQZw60k18NIjVn5SC5nfKgcUcJ4Z2c=",
                stored("Big news! Our spring sale starts Monday, with 20% off every plan."));
        assertEquals("Z0R3Wm+QgpovV7johcouNW6gDy/CruRgUBZzuJ8Da1ypRL/4OlEdzgGeFItd6NA6fwgEQ2GV1bkYVAIsk7p3MHyNZnKug6805ZXu1e35PJ0j"
                        + "Fq14nXS3RozEZxIEElwjFIw/X3aSXM3Ba97bz7mN6pGVv5mp/iNa9kofn8bDThs=",
                stored("thanks!"));
    }

    private String stored(String text) {
        return Base64.getEncoder().encodeToString(minHash.signature(shingler.shingles(text).hashes()));
    }
}
