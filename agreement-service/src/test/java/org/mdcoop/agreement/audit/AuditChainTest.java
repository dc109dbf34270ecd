package org.mdcoop.agreement.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mdcoop.agreement.audit.VerificationResult.Failure;
import org.mdcoop.common.domain.Party;

class AuditChainTest {

    static final String NATO_SUBJECT = "http://localhost:8180/realms/nato|3f1c";
    static final String RUSSIA_SUBJECT = "http://localhost:8180/realms/russia|77aa";
    static final UUID AGREEMENT = UUID.fromString("6f1e2a34-0c5b-4d7e-9a8b-1c2d3e4f5a6b");
    static final String EMPTY_DIGEST = "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

    /** A chain of {@code n} entries alternating between the parties, with a system entry at seq 4. */
    static List<AuditEntry> chain(int n) {
        List<AuditEntry> entries = new ArrayList<>();
        Instant at = Instant.parse("2026-11-26T08:45:00.123456789Z");
        AuditEntry prev = null;
        for (int i = 1; i <= n; i++) {
            boolean system = i == 4;
            Party party = system ? null : (i % 2 == 1 ? Party.NATO : Party.RUSSIA);
            String subject = system ? "system|scheduler" : (party == Party.NATO ? NATO_SUBJECT : RUSSIA_SUBJECT);
            prev = AuditChain.append(prev, new AuditEntry.Fields(at.plus(Duration.ofMinutes(i)), party, subject,
                    "agreement.step-" + i, i == 1 ? null : AGREEMENT, PayloadDigest.of(Map.of("step", i))));
            entries.add(prev);
        }
        return entries;
    }

    private static AuditEntry with(AuditEntry e, String field, Object value) {
        return new AuditEntry(
                field.equals("seq") ? (Long) value : e.seq(),
                field.equals("at") ? (Instant) value : e.at(),
                field.equals("party") ? (Party) value : e.party(),
                field.equals("subject") ? (String) value : e.subject(),
                field.equals("action") ? (String) value : e.action(),
                field.equals("agreementId") ? (UUID) value : e.agreementId(),
                field.equals("payloadDigest") ? (String) value : e.payloadDigest(),
                field.equals("prevHash") ? (String) value : e.prevHash(),
                field.equals("hash") ? (String) value : e.hash());
    }

    private static List<AuditEntry> replace(List<AuditEntry> entries, int seq, UnaryOperator<AuditEntry> edit) {
        List<AuditEntry> copy = new ArrayList<>(entries);
        copy.set(seq - 1, edit.apply(copy.get(seq - 1)));
        return copy;
    }

    // ------------------------------------------------------------ appending

    @Test
    void firstEntryLinksToTheGenesisHashAndMatchesTheDocumentedTestVector() {
        AuditEntry e = AuditChain.append(null, new AuditEntry.Fields(Instant.parse("2026-11-26T08:45:00.123456Z"),
                Party.NATO, NATO_SUBJECT, "agreement.proposed", AGREEMENT, PayloadDigest.empty()));
        assertThat(e.seq()).isEqualTo(1);
        assertThat(e.prevHash()).isEqualTo("0".repeat(64)).isEqualTo(AuditChain.GENESIS_HASH);
        assertThat(e.payloadDigest()).isEqualTo(EMPTY_DIGEST);
        assertThat(AuditChain.canonical(e)).isEqualTo("mdcoop-audit-v1\n1\n2026-11-26T08:45:00.123456Z\nNATO\n"
                + NATO_SUBJECT + "\nagreement.proposed\n6f1e2a34-0c5b-4d7e-9a8b-1c2d3e4f5a6b\n" + EMPTY_DIGEST);
        // computed independently with Python hashlib from docs/audit.md
        assertThat(e.hash()).isEqualTo("bdfa681a42692748bd4662d46e7513a7ca8f0a9ce045211560af6505fd99b9a7");

        AuditEntry system = AuditChain.append(e, new AuditEntry.Fields(Instant.parse("2030-01-15T09:00:00Z"), null,
                "system|scheduler", "agreement.expired", null, PayloadDigest.empty()));
        assertThat(system.seq()).isEqualTo(2);
        assertThat(system.prevHash()).isEqualTo(e.hash());
        assertThat(AuditChain.canonical(system)).contains("\n2030-01-15T09:00:00.000000Z\n\nsystem|scheduler\n");
        assertThat(system.hash()).isEqualTo("4afa4d0e4048d050dd771fd6525ccc9cb069cada850d44df4f5130953b600fa9");
    }

    @Test
    void atIsTruncatedToMicrosecondsBeforeHashingAndStoring() {
        AuditEntry e = chain(1).get(0);
        assertThat(e.at()).isEqualTo(Instant.parse("2026-11-26T08:46:00.123456Z"));
        assertThat(AuditChain.formatAt(e.at())).isEqualTo("2026-11-26T08:46:00.123456Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two\nlines", "cr\rhere"})
    void subjectThatCannotBeCanonicalIsRefusedOnAppend(String subject) {
        assertThatThrownBy(() -> AuditChain.append(null, new AuditEntry.Fields(Instant.EPOCH, Party.NATO, subject,
                "agreement.proposed", null, EMPTY_DIGEST))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void payloadDigestMustBeLowerCaseHex() {
        assertThatThrownBy(() -> AuditChain.append(null, new AuditEntry.Fields(Instant.EPOCH, Party.NATO,
                NATO_SUBJECT, "agreement.proposed", null, EMPTY_DIGEST.toUpperCase())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------ verification

    @Test
    void untouchedChainVerifies() {
        List<AuditEntry> entries = chain(10);
        VerificationResult r = AuditChain.verify(entries);
        assertThat(r.valid()).isTrue();
        assertThat(r.checkedEntries()).isEqualTo(10);
        assertThat(r.firstBrokenSeq()).isNull();
        assertThat(r.failure()).isNull();
        assertThat(r.headSeq()).isEqualTo(10);
        assertThat(r.headHash()).isEqualTo(entries.get(9).hash());
    }

    @Test
    void emptyChainVerifiesWithTheGenesisHead() {
        VerificationResult r = AuditChain.verify(List.of());
        assertThat(r.valid()).isTrue();
        assertThat(r.headSeq()).isZero();
        assertThat(r.headHash()).isEqualTo(AuditChain.GENESIS_HASH);
    }

    @ParameterizedTest(name = "edited {0}")
    @ValueSource(strings = {"at", "party", "subject", "action", "agreementId", "payloadDigest"})
    void editingAnyFieldBreaksTheChainAtThatEntry(String field) {
        List<AuditEntry> entries = chain(8);
        AuditEntry five = entries.get(4);
        Object edited = switch (field) {
            case "at" -> five.at().plusNanos(1000);
            case "party" -> Party.RUSSIA == five.party() ? Party.NATO : Party.RUSSIA;
            case "subject" -> five.subject() + "x";
            case "action" -> "agreement.withdrawn";
            case "agreementId" -> UUID.randomUUID();
            default -> PayloadDigest.of(Map.of("forged", true));
        };
        VerificationResult r = AuditChain.verify(replace(entries, 5, e -> with(e, field, edited)));
        assertThat(r.valid()).isFalse();
        assertThat(r.firstBrokenSeq()).isEqualTo(5L);
        assertThat(r.failure()).isEqualTo(Failure.HASH_MISMATCH);
        assertThat(r.checkedEntries()).isEqualTo(4);
        assertThat(r.headSeq()).isEqualTo(4);
        assertThat(r.reason()).startsWith("entry seq 5: HASH_MISMATCH").contains("modified");
    }

    @Test
    void partyChangedToSystemBreaksTheChain() {
        List<AuditEntry> entries = chain(3);
        VerificationResult r = AuditChain.verify(replace(entries, 2, e -> with(e, "party", null)));
        assertThat(r.firstBrokenSeq()).isEqualTo(2L);
        assertThat(r.failure()).isEqualTo(Failure.HASH_MISMATCH);
    }

    @Test
    void editedHashBreaksAtThatEntry() {
        List<AuditEntry> entries = chain(5);
        VerificationResult r = AuditChain.verify(replace(entries, 3, e -> with(e, "hash", "f".repeat(64))));
        assertThat(r.firstBrokenSeq()).isEqualTo(3L);
        assertThat(r.failure()).isEqualTo(Failure.HASH_MISMATCH);
    }

    @Test
    void editedEntryWithRecomputedHashBreaksTheLinkOfTheNextEntry() {
        List<AuditEntry> entries = chain(5);
        AuditEntry two = entries.get(1);
        AuditEntry forged = AuditChain.append(entries.get(0), new AuditEntry.Fields(two.at(), two.party(),
                two.subject(), "agreement.forged", two.agreementId(), two.payloadDigest()));
        VerificationResult r = AuditChain.verify(replace(entries, 2, e -> forged));
        assertThat(r.firstBrokenSeq()).isEqualTo(3L);
        assertThat(r.failure()).isEqualTo(Failure.PREV_HASH_MISMATCH);
        assertThat(r.reason()).contains("previous hash");
    }

    @Test
    void editedPrevHashBreaksAtThatEntry() {
        List<AuditEntry> entries = chain(5);
        VerificationResult r = AuditChain.verify(replace(entries, 1, e -> with(e, "prevHash", "1".repeat(64))));
        assertThat(r.firstBrokenSeq()).isEqualTo(1L);
        assertThat(r.failure()).isEqualTo(Failure.PREV_HASH_MISMATCH);
        assertThat(r.reason()).contains("genesis");
    }

    @Test
    void removedEntryIsReportedAsASeqGapAtTheNextEntry() {
        List<AuditEntry> entries = new ArrayList<>(chain(6));
        entries.remove(2); // seq 3
        VerificationResult r = AuditChain.verify(entries);
        assertThat(r.valid()).isFalse();
        assertThat(r.firstBrokenSeq()).isEqualTo(4L);
        assertThat(r.failure()).isEqualTo(Failure.SEQ_GAP);
        assertThat(r.reason()).contains("expected seq 3, found 4");
        assertThat(r.checkedEntries()).isEqualTo(2);
    }

    @Test
    void removedFirstEntryIsReported() {
        List<AuditEntry> entries = new ArrayList<>(chain(3));
        entries.remove(0);
        VerificationResult r = AuditChain.verify(entries);
        assertThat(r.firstBrokenSeq()).isEqualTo(2L);
        assertThat(r.failure()).isEqualTo(Failure.SEQ_GAP);
    }

    @Test
    void removedEntryWithRenumberedSeqsBreaksTheLink() {
        List<AuditEntry> entries = new ArrayList<>(chain(6));
        entries.remove(2);
        for (int i = 2; i < entries.size(); i++) {
            entries.set(i, with(entries.get(i), "seq", (long) i + 1));
        }
        VerificationResult r = AuditChain.verify(entries);
        assertThat(r.firstBrokenSeq()).isEqualTo(3L);
        assertThat(r.failure()).isEqualTo(Failure.PREV_HASH_MISMATCH);
    }

    @Test
    void reorderedEntriesAreReported() {
        List<AuditEntry> entries = new ArrayList<>(chain(6));
        AuditEntry four = entries.get(3);
        entries.set(3, entries.get(4));
        entries.set(4, four);
        VerificationResult r = AuditChain.verify(entries);
        assertThat(r.firstBrokenSeq()).isEqualTo(5L);
        assertThat(r.failure()).isEqualTo(Failure.SEQ_GAP);
        assertThat(r.reason()).contains("expected seq 4, found 5");
    }

    @Test
    void malformedEntryIsReported() {
        List<AuditEntry> entries = chain(3);
        VerificationResult r = AuditChain.verify(replace(entries, 2, e -> with(e, "subject", "a\nb")));
        assertThat(r.firstBrokenSeq()).isEqualTo(2L);
        assertThat(r.failure()).isEqualTo(Failure.MALFORMED);
        assertThat(r.reason()).contains("subject contains a line break");
    }

    @Test
    void truncatedChainIsOnlyDetectableAgainstAKnownHead() {
        List<AuditEntry> entries = chain(6);
        VerificationResult truncated = AuditChain.verify(entries.subList(0, 5));
        assertThat(truncated.valid()).isTrue();
        assertThat(truncated.headHash()).isNotEqualTo(entries.get(5).hash());
    }

    @Test
    void segmentVerifiesAgainstATrustedAnchor() {
        List<AuditEntry> entries = chain(6);
        assertThat(AuditChain.verify(entries.subList(3, 6), 4, entries.get(2).hash()).valid()).isTrue();
        VerificationResult wrongAnchor = AuditChain.verify(entries.subList(3, 6), 4, entries.get(1).hash());
        assertThat(wrongAnchor.firstBrokenSeq()).isEqualTo(4L);
        assertThat(wrongAnchor.failure()).isEqualTo(Failure.PREV_HASH_MISMATCH);
    }

    // ------------------------------------------------------------ payload digest

    @Test
    void payloadCanonicalJsonSortsKeysAndEscapesMinimally() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", -5L);
        inner.put("y", "\u0001");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("c", inner);
        payload.put("b", "é\n\"x\"");
        payload.put("a", Arrays.asList(1, true, null));
        assertThat(PayloadDigest.canonicalJson(payload))
                .isEqualTo("{\"a\":[1,true,null],\"b\":\"é\\n\\\"x\\\"\",\"c\":{\"y\":\"\\u0001\",\"z\":-5}}");
        // computed independently with Python hashlib
        assertThat(PayloadDigest.of(payload))
                .isEqualTo("77ffbc47eb1d9447f94ebd62ec5c8a0e21cd68a9d5f92a99934c4c9ead9da58b");
        assertThat(PayloadDigest.empty()).isEqualTo(EMPTY_DIGEST);
    }

    @Test
    void payloadValuesOfDomainTypesHaveOneCanonicalForm() {
        assertThat(PayloadDigest.canonicalJson(Map.of("party", Party.NATO, "id", AGREEMENT,
                "at", Instant.parse("2026-01-01T00:00:00Z"), "months", 12)))
                .isEqualTo("{\"at\":\"2026-01-01T00:00:00.000000Z\",\"id\":\"" + AGREEMENT
                        + "\",\"months\":12,\"party\":\"NATO\"}");
        assertThatThrownBy(() -> PayloadDigest.of(Map.of("x", 1.5))).isInstanceOf(IllegalArgumentException.class);
    }
}
