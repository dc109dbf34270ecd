package org.mdcoop.agreement.audit;

/**
 * Outcome of {@link AuditChain#verify}.
 *
 * @param valid          whether every entry checked out
 * @param checkedEntries how many entries verified correctly (all of them when valid; those before the break otherwise)
 * @param firstBrokenSeq the stored {@code seq} of the first entry that failed (null when valid)
 * @param failure        what kind of break (null when valid)
 * @param reason         human-readable explanation naming the entry (null when valid)
 * @param headSeq        seq of the last verified entry (0 if none)
 * @param headHash       hash of the last verified entry ({@link AuditChain#GENESIS_HASH} if none)
 */
public record VerificationResult(boolean valid, int checkedEntries, Long firstBrokenSeq, Failure failure,
        String reason, long headSeq, String headHash) {

    public enum Failure {
        /** A field is missing or not in its canonical shape (e.g. non-hex hash, line break in subject). */
        MALFORMED,
        /** {@code seq} is not the previous seq + 1 (first must be 1): an entry was removed, inserted or reordered. */
        SEQ_GAP,
        /** {@code prevHash} differs from the previous entry's {@code hash} (or from the genesis hash for seq 1). */
        PREV_HASH_MISMATCH,
        /** The recomputed hash differs from the stored {@code hash}: the entry was modified. */
        HASH_MISMATCH
    }

    static VerificationResult ok(int checked, long headSeq, String headHash) {
        return new VerificationResult(true, checked, null, null, null, headSeq, headHash);
    }

    static VerificationResult broken(int checked, long seq, Failure failure, String reason, long headSeq,
            String headHash) {
        return new VerificationResult(false, checked, seq, failure,
                "entry seq " + seq + ": " + failure + ": " + reason, headSeq, headHash);
    }
}
