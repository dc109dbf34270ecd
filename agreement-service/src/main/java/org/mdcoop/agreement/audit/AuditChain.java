package org.mdcoop.agreement.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.mdcoop.agreement.audit.VerificationResult.Failure;

/**
 * The joint audit log's hash chain (format {@value #FORMAT}, specified in docs/audit.md).
 *
 * <p>Canonical entry: the UTF-8 bytes of these lines joined by {@code "\n"} (no trailing newline):
 * <pre>
 * mdcoop-audit-v1
 * seq            decimal, no leading zeros
 * at             uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z' (UTC, always 6 fraction digits)
 * party          NATO | RUSSIA | empty for system actions
 * subject        issuer|sub (no line breaks)
 * action         e.g. agreement.activated (no line breaks)
 * agreementId    lower-case UUID | empty
 * payloadDigest  64 lower-case hex
 * </pre>
 * {@code hash = lowerhex(SHA-256(UTF-8(prevHash + "\n" + canonical)))}; the genesis {@code prevHash} is 64 zeros.
 *
 * <p>Appending is not thread-safe across transactions by itself: the service must serialise appends (e.g. lock the
 * chain head row {@code FOR UPDATE}, plus a unique constraint on {@code seq}) so two appends never share a prevHash.
 */
public final class AuditChain {

    public static final String FORMAT = "mdcoop-audit-v1";
    public static final String GENESIS_HASH = "0".repeat(64);

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final DateTimeFormatter AT_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Instant MIN_AT = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant MAX_AT = Instant.parse("9999-12-31T23:59:59.999999Z");

    private AuditChain() {
    }

    /**
     * The entry that follows {@code previous} ({@code null} for the first entry of the chain). {@code at} is truncated
     * to microseconds; store it as returned.
     *
     * @throws IllegalArgumentException if a field cannot be represented canonically (blank subject/action, line break,
     *                                  digest not 64 lower-case hex, year outside 0000–9999)
     */
    public static AuditEntry append(AuditEntry previous, AuditEntry.Fields fields) {
        Objects.requireNonNull(fields, "fields");
        long seq = previous == null ? 1 : previous.seq() + 1;
        String prevHash = previous == null ? GENESIS_HASH : previous.hash();
        Instant at = Objects.requireNonNull(fields.at(), "at").truncatedTo(ChronoUnit.MICROS);
        AuditEntry draft = new AuditEntry(seq, at, fields.party(), fields.subject(), fields.action(),
                fields.agreementId(), fields.payloadDigest(), prevHash, null);
        String problem = malformation(draft, false);
        if (problem != null) {
            throw new IllegalArgumentException("cannot append audit entry: " + problem);
        }
        return new AuditEntry(seq, at, fields.party(), fields.subject(), fields.action(), fields.agreementId(),
                fields.payloadDigest(), prevHash, computeHash(prevHash, canonical(draft)));
    }

    /** Verifies a whole chain, which must start at seq 1 with the genesis prevHash. */
    public static VerificationResult verify(List<AuditEntry> entries) {
        return verify(entries, 1, GENESIS_HASH);
    }

    /**
     * Verifies a segment that starts at {@code firstSeq} and whose first prevHash must be {@code anchorHash} (the
     * hash of entry {@code firstSeq - 1}, obtained from a trusted source, e.g. the party's own earlier copy).
     * Checks per entry, in order: well-formed, seq = previous + 1, prevHash = previous hash, hash = recomputed.
     */
    public static VerificationResult verify(List<AuditEntry> entries, long firstSeq, String anchorHash) {
        long expectedSeq = firstSeq;
        String expectedPrev = anchorHash;
        long headSeq = firstSeq - 1;
        String headHash = anchorHash;
        int checked = 0;
        for (AuditEntry e : entries) {
            String problem = e == null ? "null entry" : malformation(e, true);
            long seq = e == null ? expectedSeq : e.seq();
            if (problem != null) {
                return VerificationResult.broken(checked, seq, Failure.MALFORMED, problem, headSeq, headHash);
            }
            if (e.seq() != expectedSeq) {
                return VerificationResult.broken(checked, seq, Failure.SEQ_GAP, "expected seq " + expectedSeq
                        + ", found " + e.seq() + " (an entry was removed, inserted or reordered)", headSeq, headHash);
            }
            if (!e.prevHash().equals(expectedPrev)) {
                return VerificationResult.broken(checked, seq, Failure.PREV_HASH_MISMATCH, "prevHash " + e.prevHash()
                        + " does not match " + (checked == 0 && firstSeq == 1 ? "the genesis hash " : "the previous hash ")
                        + expectedPrev, headSeq, headHash);
            }
            String recomputed = computeHash(e.prevHash(), canonical(e));
            if (!recomputed.equals(e.hash())) {
                return VerificationResult.broken(checked, seq, Failure.HASH_MISMATCH, "stored hash " + e.hash()
                        + " does not match recomputed " + recomputed + " (the entry was modified)", headSeq, headHash);
            }
            checked++;
            expectedSeq++;
            expectedPrev = e.hash();
            headSeq = e.seq();
            headHash = e.hash();
        }
        return VerificationResult.ok(checked, headSeq, headHash);
    }

    /** The canonical entry text (without prevHash), see the class comment. */
    public static String canonical(AuditEntry e) {
        return String.join("\n",
                FORMAT,
                Long.toString(e.seq()),
                formatAt(e.at()),
                e.party() == null ? "" : e.party().name(),
                e.subject(),
                e.action(),
                e.agreementId() == null ? "" : e.agreementId().toString(),
                e.payloadDigest());
    }

    /** {@code lowerhex(SHA-256(UTF-8(prevHash + "\n" + canonical)))}. */
    public static String computeHash(String prevHash, String canonical) {
        return PayloadDigest.sha256Hex(prevHash + "\n" + canonical);
    }

    /** {@code at} in canonical form: UTC, microseconds, always six fraction digits, e.g. 2026-11-26T08:45:00.123400Z. */
    public static String formatAt(Instant at) {
        return AT_FORMAT.format(at.truncatedTo(ChronoUnit.MICROS));
    }

    private static String malformation(AuditEntry e, boolean checkHashes) {
        if (e.seq() < 1) {
            return "seq must be >= 1";
        }
        if (e.at() == null) {
            return "at is missing";
        }
        if (e.at().getNano() % 1000 != 0) {
            return "at has sub-microsecond precision";
        }
        if (e.at().isBefore(MIN_AT) || e.at().isAfter(MAX_AT)) {
            return "at is outside years 0000-9999";
        }
        String textProblem = textProblem("subject", e.subject());
        if (textProblem == null) {
            textProblem = textProblem("action", e.action());
        }
        if (textProblem != null) {
            return textProblem;
        }
        if (e.payloadDigest() == null || !HEX64.matcher(e.payloadDigest()).matches()) {
            return "payloadDigest must be 64 lower-case hex characters";
        }
        if (e.prevHash() == null || !HEX64.matcher(e.prevHash()).matches()) {
            return "prevHash must be 64 lower-case hex characters";
        }
        if (checkHashes && (e.hash() == null || !HEX64.matcher(e.hash()).matches())) {
            return "hash must be 64 lower-case hex characters";
        }
        return null;
    }

    private static String textProblem(String field, String value) {
        if (value == null || value.isEmpty()) {
            return field + " is missing";
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return field + " contains a line break";
        }
        return null;
    }
}
