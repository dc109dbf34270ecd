package org.mdcoop.transparency.domain.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mdcoop.common.domain.Party.NATO;
import static org.mdcoop.common.domain.Party.RUSSIA;
import static org.mdcoop.transparency.domain.disclosure.DisclosureKind.DEPLOYMENT_PLAN;
import static org.mdcoop.transparency.domain.disclosure.DisclosureKind.INVENTORY;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.mdcoop.common.domain.Party;
import org.mdcoop.transparency.domain.Fixtures;
import org.mdcoop.transparency.domain.ReportingRound;
import org.mdcoop.transparency.domain.disclosure.Reciprocity.Access;
import org.mdcoop.transparency.domain.disclosure.Reciprocity.KindRound;

class ReciprocityTest {

    private static final ReportingRound H2 = ReportingRound.parse("2026-H2");
    private static final ReportingRound H1 = ReportingRound.parse("2026-H1");

    /**
     * The table. Columns: reader, owner, status of the owner's disclosure (INVENTORY 2026-H2), what the reader has
     * submitted itself (NONE / SAME = INVENTORY 2026-H2 / OTHER_KIND = DEPLOYMENT_PLAN 2026-H2 / OTHER_ROUND =
     * INVENTORY 2026-H1), transparency in force, expected access.
     */
    @ParameterizedTest(name = "{0} reads {1}''s {2} (reader submitted {3}, in force {4}) -> {5}")
    @CsvSource({
            // own disclosures: always, drafts too, in force or not, reciprocity irrelevant
            "NATO,   NATO,   DRAFT,      NONE,        true,  OWN",
            "NATO,   NATO,   SUBMITTED,  NONE,        true,  OWN",
            "NATO,   NATO,   SUPERSEDED, NONE,        false, OWN",
            "RUSSIA, RUSSIA, DRAFT,      NONE,        false, OWN",
            "RUSSIA, RUSSIA, SUBMITTED,  NONE,        false, OWN",
            // the other party's drafts: never, whatever else holds
            "RUSSIA, NATO,   DRAFT,      NONE,        true,  HIDDEN",
            "RUSSIA, NATO,   DRAFT,      SAME,        true,  HIDDEN",
            "NATO,   RUSSIA, DRAFT,      SAME,        true,  HIDDEN",
            "NATO,   RUSSIA, DRAFT,      SAME,        false, HIDDEN",
            // the other party's submitted/superseded: only after submitting the same kind+round, only in force
            "RUSSIA, NATO,   SUBMITTED,  NONE,        true,  RECIPROCITY_NOT_MET",
            "RUSSIA, NATO,   SUBMITTED,  OTHER_KIND,  true,  RECIPROCITY_NOT_MET",
            "RUSSIA, NATO,   SUBMITTED,  OTHER_ROUND, true,  RECIPROCITY_NOT_MET",
            "RUSSIA, NATO,   SUBMITTED,  SAME,        true,  RECIPROCAL",
            "RUSSIA, NATO,   SUPERSEDED, SAME,        true,  RECIPROCAL",
            "NATO,   RUSSIA, SUBMITTED,  SAME,        true,  RECIPROCAL",
            "NATO,   RUSSIA, SUPERSEDED, NONE,        true,  RECIPROCITY_NOT_MET",
            "RUSSIA, NATO,   SUBMITTED,  SAME,        false, TRANSPARENCY_NOT_IN_FORCE",
            "NATO,   RUSSIA, SUPERSEDED, SAME,        false, TRANSPARENCY_NOT_IN_FORCE",
            "NATO,   RUSSIA, SUBMITTED,  NONE,        false, TRANSPARENCY_NOT_IN_FORCE",
    })
    void whoCanReadWhatAndWhen(Party reader, Party owner, DisclosureStatus status, String readerSubmitted,
            boolean inForce, Access expected) {
        Set<KindRound> submitted = switch (readerSubmitted) {
            case "NONE" -> Set.of();
            case "SAME" -> Set.of(new KindRound(INVENTORY, H2));
            case "OTHER_KIND" -> Set.of(new KindRound(DEPLOYMENT_PLAN, H2));
            case "OTHER_ROUND" -> Set.of(new KindRound(INVENTORY, H1));
            default -> throw new IllegalArgumentException(readerSubmitted);
        };
        Access access = Reciprocity.decide(reader, owner, status, INVENTORY, H2, submitted, inForce);
        assertThat(access).isEqualTo(expected);
        assertThat(Reciprocity.canRead(reader, owner, status, INVENTORY, H2, submitted, inForce))
                .isEqualTo(expected.allowed());
    }

    @ParameterizedTest
    @EnumSource(Party.class)
    void draftsAreNeverReadableByTheOtherPartyWhateverItHasSubmitted(Party owner) {
        Set<KindRound> everything = Set.of(new KindRound(INVENTORY, H2), new KindRound(DEPLOYMENT_PLAN, H2),
                new KindRound(DisclosureKind.INTERCEPTOR_PERFORMANCE, H2));
        for (DisclosureKind kind : DisclosureKind.values()) {
            for (boolean inForce : new boolean[] {true, false}) {
                assertThat(Reciprocity.canRead(owner.other(), owner, DisclosureStatus.DRAFT, kind, H2, everything,
                        inForce)).isFalse();
            }
        }
    }

    @Test
    void russianCannotReadNatoInventoryBeforeSubmittingItsOwn() {
        Instant t = Instant.parse("2026-08-01T00:00:00Z");
        Disclosure nato = Disclosure.firstDraft(UUID.randomUUID(), NATO, H2, Fixtures.inventory(), t);
        nato.submit(t, null, true);
        Disclosure russian = Disclosure.firstDraft(UUID.randomUUID(), RUSSIA, H2, Fixtures.inventory(), t);

        // Russia has only a draft of its own: not enough
        Set<KindRound> russiaSubmitted = russian.status().isSubmitted()
                ? Set.of(new KindRound(russian.kind(), russian.round())) : Set.of();
        assertThat(Reciprocity.decide(RUSSIA, nato, russiaSubmitted, true)).isEqualTo(Access.RECIPROCITY_NOT_MET);

        russian.submit(t.plusSeconds(1), null, true);
        russiaSubmitted = Set.of(new KindRound(russian.kind(), russian.round()));
        assertThat(Reciprocity.decide(RUSSIA, nato, russiaSubmitted, true)).isEqualTo(Access.RECIPROCAL);
        // and NATO, having submitted first, could already read Russia's once submitted
        assertThat(Reciprocity.decide(NATO, russian, Set.of(new KindRound(INVENTORY, H2)), true))
                .isEqualTo(Access.RECIPROCAL);
    }

    @Test
    void submittedSetCountsSubmittedAndSupersededVersionsOfTheReaderOnly() {
        Instant t = Instant.parse("2026-08-01T00:00:00Z");
        Disclosure ownDraft = Disclosure.firstDraft(UUID.randomUUID(), RUSSIA, H2, Fixtures.plan(), t);
        Disclosure ownV1 = Disclosure.firstDraft(UUID.randomUUID(), RUSSIA, H2, Fixtures.inventory(), t);
        ownV1.submit(t, null, true);
        Disclosure ownV2 = Disclosure.revise(UUID.randomUUID(), ownV1,
                new InventoryContent(java.util.List.of(Fixtures.component("Z", 1))), java.time.LocalDate.of(2026, 8, 1),
                t);
        ownV2.submit(t, ownV1, true);
        Disclosure natoPerf = Disclosure.firstDraft(UUID.randomUUID(), NATO, H1, Fixtures.performance(), t);
        natoPerf.submit(t, null, true);
        assertThat(Reciprocity.submittedBy(RUSSIA, java.util.List.of(ownDraft, ownV1, ownV2, natoPerf)))
                .containsExactly(new KindRound(INVENTORY, H2));
    }

    @Test
    void counterpartAccessEndsWhenTransparencyEndsButOwnAccessRemains() {
        Set<KindRound> submitted = Set.of(new KindRound(INVENTORY, H2));
        assertThat(Reciprocity.canRead(NATO, RUSSIA, DisclosureStatus.SUBMITTED, INVENTORY, H2, submitted, true))
                .isTrue();
        assertThat(Reciprocity.canRead(NATO, RUSSIA, DisclosureStatus.SUBMITTED, INVENTORY, H2, submitted, false))
                .isFalse();
        assertThat(Reciprocity.canRead(NATO, NATO, DisclosureStatus.SUBMITTED, INVENTORY, H2, Set.of(), false))
                .isTrue();
    }
}
