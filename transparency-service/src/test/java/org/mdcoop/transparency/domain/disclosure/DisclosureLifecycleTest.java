package org.mdcoop.transparency.domain.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.IllegalTransition;
import org.mdcoop.common.domain.NotFound;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.RuleViolation;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.transparency.domain.Fixtures;
import org.mdcoop.transparency.domain.ReportingRound;
import org.mdcoop.transparency.domain.TransparencyEvent;
import org.mdcoop.transparency.domain.disclosure.InventoryContent.Component;

class DisclosureLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-08-01T10:00:00Z");
    private static final ReportingRound ROUND = ReportingRound.parse("2026-H2");

    private static Disclosure draft() {
        return Disclosure.firstDraft(UUID.randomUUID(), Party.NATO, ROUND, Fixtures.inventory(), T0);
    }

    private static Disclosure submitted() {
        Disclosure d = draft();
        d.submit(T0.plusSeconds(60), null, true);
        return d;
    }

    private static InventoryContent changedInventory() {
        return new InventoryContent(List.of(Fixtures.component("Site Alpha", 36)));
    }

    @Test
    void firstDraftIsVersionOneDraftOfTheContentKind() {
        Disclosure d = draft();
        assertThat(d.version()).isEqualTo(1);
        assertThat(d.status()).isEqualTo(DisclosureStatus.DRAFT);
        assertThat(d.kind()).isEqualTo(DisclosureKind.INVENTORY);
        assertThat(d.party()).isEqualTo(Party.NATO);
        assertThat(d.submittedAt()).isNull();
        assertThat(d.allowedActions()).containsExactly("edit", "submit", "discard");
    }

    @Test
    void draftWithInvalidContentIsRefusedWithFieldErrors() {
        InventoryContent bad = new InventoryContent(List.of(Fixtures.component("A", -5)));
        assertThatThrownBy(() -> Disclosure.firstDraft(UUID.randomUUID(), Party.NATO, ROUND, bad, T0))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.errors())
                        .extracting(ValidationFailed.FieldError::field).containsExactly("components[0].count"));
    }

    @Test
    void submittingADraftMakesItSubmittedWithoutChangeNotice() {
        Disclosure d = draft();
        assertThat(d.submit(T0.plusSeconds(5), null, true)).containsExactly(new TransparencyEvent.DisclosureSubmitted(
                d.id(), Party.NATO, DisclosureKind.INVENTORY, "2026-H2", 1, T0.plusSeconds(5), null, null, null,
                Fixtures.inventory()));
        assertThat(d.status()).isEqualTo(DisclosureStatus.SUBMITTED);
        assertThat(d.submittedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(d.changeNotice()).isNull();
        assertThat(d.allowedActions()).containsExactly("revise");
    }

    @Test
    void submissionIsRefusedWhileTransparencyIsNotInForce() {
        Disclosure d = draft();
        assertThatThrownBy(() -> d.submit(T0, null, false)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.rule()).isEqualTo("transparency-not-in-force"));
        assertThat(d.status()).isEqualTo(DisclosureStatus.DRAFT);
    }

    @Test
    void draftCanBeEditedButSubmittedCannot() {
        Disclosure d = draft();
        d.editDraft(changedInventory(), null, T0.plusSeconds(1));
        assertThat(d.content()).isEqualTo(changedInventory());
        d.submit(T0.plusSeconds(2), null, true);
        assertThatThrownBy(() -> d.editDraft(Fixtures.inventory(), null, T0.plusSeconds(3)))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> {
                    assertThat(e.currentState()).isEqualTo("SUBMITTED");
                    assertThat(e.action()).isEqualTo("edit");
                    assertThat(e.allowedActions()).containsExactly("revise");
                });
    }

    @Test
    void submittedCannotBeSubmittedAgain() {
        Disclosure d = submitted();
        assertThatThrownBy(() -> d.submit(T0.plusSeconds(100), null, true)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void editingCannotChangeTheKind() {
        Disclosure d = draft();
        assertThatThrownBy(() -> d.editDraft(Fixtures.plan(), null, T0)).isInstanceOf(ValidationFailed.class);
    }

    @Test
    void changeIsANewVersionWhoseSubmissionSupersedesThePreviousAndRecordsAChangeNotice() {
        Disclosure v1 = submitted();
        Instant later = T0.plusSeconds(86_400);
        Disclosure v2 = Disclosure.revise(UUID.randomUUID(), v1, changedInventory(), LocalDate.of(2026, 8, 2), later);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.status()).isEqualTo(DisclosureStatus.DRAFT);
        assertThat(v2.round()).isEqualTo(ROUND);
        assertThat(v2.changeOccurredOn()).isEqualTo(LocalDate.of(2026, 8, 2));
        assertThat(v1.status()).isEqualTo(DisclosureStatus.SUBMITTED);

        List<TransparencyEvent> events = v2.submit(later.plusSeconds(10), v1, true);
        ChangeNotice notice = v2.changeNotice();

        assertThat(v1.status()).isEqualTo(DisclosureStatus.SUPERSEDED);
        assertThat(v1.supersededAt()).isEqualTo(later.plusSeconds(10));
        assertThat(v1.allowedActions()).isEmpty();
        assertThat(v2.status()).isEqualTo(DisclosureStatus.SUBMITTED);
        assertThat(events).containsExactly(
                new TransparencyEvent.DisclosureSubmitted(v2.id(), Party.NATO, DisclosureKind.INVENTORY, "2026-H2", 2,
                        later.plusSeconds(10), LocalDate.of(2026, 8, 2), v1.id(), notice, changedInventory()),
                new TransparencyEvent.DisclosureSuperseded(v1.id(), Party.NATO, DisclosureKind.INVENTORY, "2026-H2",
                        1, v2.id(), later.plusSeconds(10), LocalDate.of(2026, 8, 2), notice));
        assertThat(notice.fromVersion()).isEqualTo(1);
        assertThat(notice.toVersion()).isEqualTo(2);
        assertThat(notice.changes()).extracting(ChangeNotice.Change::path).containsExactly(
                "components[designation=Site Alpha].count",
                "components[designation=Radar Bravo]",
                "components[designation=Command Charlie]");
    }

    @Test
    void revisionNeedsTheDateTheChangeOccurredAndNotInTheFuture() {
        Disclosure v1 = submitted();
        assertThatThrownBy(() -> Disclosure.revise(UUID.randomUUID(), v1, changedInventory(), null, T0))
                .isInstanceOfSatisfying(ValidationFailed.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("changeOccurredOn"));
        assertThatThrownBy(() -> Disclosure.revise(UUID.randomUUID(), v1, changedInventory(),
                LocalDate.of(2026, 8, 2), T0)).isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("future");
    }

    @Test
    void onlyTheSubmittedVersionCanBeRevised() {
        Disclosure d = draft();
        assertThatThrownBy(() -> Disclosure.revise(UUID.randomUUID(), d, changedInventory(), LocalDate.of(2026, 8, 1),
                T0)).isInstanceOfSatisfying(IllegalTransition.class,
                        e -> assertThat(e.currentState()).isEqualTo("DRAFT"));
        Disclosure v1 = submitted();
        Disclosure v2 = Disclosure.revise(UUID.randomUUID(), v1, changedInventory(), LocalDate.of(2026, 8, 1), T0);
        v2.submit(T0.plusSeconds(120), v1, true);
        assertThatThrownBy(() -> Disclosure.revise(UUID.randomUUID(), v1, Fixtures.inventory(),
                LocalDate.of(2026, 8, 1), T0)).isInstanceOfSatisfying(IllegalTransition.class,
                        e -> assertThat(e.currentState()).isEqualTo("SUPERSEDED"));
    }

    @Test
    void revisionMustKeepTheKind() {
        Disclosure v1 = submitted();
        assertThatThrownBy(() -> Disclosure.revise(UUID.randomUUID(), v1, Fixtures.plan(), LocalDate.of(2026, 8, 1),
                T0)).isInstanceOf(ValidationFailed.class);
    }

    @Test
    void revisionThatChangesNothingCannotBeSubmitted() {
        Disclosure v1 = submitted();
        Disclosure v2 = Disclosure.revise(UUID.randomUUID(), v1, Fixtures.inventory(), LocalDate.of(2026, 8, 1), T0);
        assertThatThrownBy(() -> v2.submit(T0.plusSeconds(120), v1, true))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("no-change"));
        assertThat(v1.status()).isEqualTo(DisclosureStatus.SUBMITTED);
    }

    @Test
    void twoConcurrentRevisionsCannotBothSupersedeTheSameVersion() {
        Disclosure v1 = submitted();
        Disclosure a = Disclosure.revise(UUID.randomUUID(), v1, changedInventory(), LocalDate.of(2026, 8, 1), T0);
        Disclosure b = Disclosure.revise(UUID.randomUUID(), v1,
                new InventoryContent(List.of(Fixtures.component("Other", 1))), LocalDate.of(2026, 8, 1), T0);
        a.submit(T0.plusSeconds(120), v1, true);
        assertThatThrownBy(() -> b.submit(T0.plusSeconds(121), v1, true))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("stale-version"));
    }

    @Test
    void revisionMustBeSubmittedAgainstItsDirectPredecessor() {
        Disclosure v1 = submitted();
        Disclosure v2 = Disclosure.revise(UUID.randomUUID(), v1, changedInventory(), LocalDate.of(2026, 8, 1), T0);
        Disclosure otherSeries = submitted();
        assertThatThrownBy(() -> v2.submit(T0.plusSeconds(120), null, true))
                .isInstanceOf(IllegalArgumentException.class);
        Disclosure russian = Disclosure.firstDraft(UUID.randomUUID(), Party.RUSSIA, ROUND, Fixtures.inventory(), T0);
        russian.submit(T0, null, true);
        assertThatThrownBy(() -> v2.submit(T0.plusSeconds(120), russian, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(otherSeries.status()).isEqualTo(DisclosureStatus.SUBMITTED);
    }

    @Test
    void revisionDraftCanUpdateItsChangeDateButVersionOneHasNone() {
        Disclosure v1 = submitted();
        Disclosure v2 = Disclosure.revise(UUID.randomUUID(), v1, changedInventory(), LocalDate.of(2026, 7, 30), T0);
        v2.editDraft(changedInventory(), LocalDate.of(2026, 7, 31), T0);
        assertThat(v2.changeOccurredOn()).isEqualTo(LocalDate.of(2026, 7, 31));
        Disclosure d = draft();
        assertThatThrownBy(() -> d.editDraft(Fixtures.inventory(), LocalDate.of(2026, 7, 31), T0))
                .isInstanceOf(ValidationFailed.class);
    }

    @Test
    void onlyDraftsCanBeDiscarded() {
        draft().checkDiscardable();
        assertThatThrownBy(() -> submitted().checkDiscardable()).isInstanceOfSatisfying(IllegalTransition.class,
                e -> assertThat(e.action()).isEqualTo("discard"));
    }

    @Test
    void otherPartyWritingToADisclosureGetsNotFoundNotForbidden() {
        Disclosure d = draft();
        d.requireOwnedBy(Party.NATO);
        assertThatThrownBy(() -> d.requireOwnedBy(Party.RUSSIA)).isInstanceOf(NotFound.class)
                .hasMessageNotContaining("DRAFT").hasMessageNotContaining("NATO");
    }

    @Test
    void previewShowsTheChangeNoticeBeforeSubmitting() {
        Disclosure v1 = submitted();
        Disclosure v2 = Disclosure.revise(UUID.randomUUID(), v1,
                new InventoryContent(List.of(
                        new Component(ComponentType.INTERCEPTOR_SITE, "Site Alpha", 24, 54.48, 17.10,
                                ComponentStatus.INACTIVE),
                        Fixtures.inventory().components().get(1), Fixtures.inventory().components().get(2))),
                LocalDate.of(2026, 8, 1), T0);
        assertThat(v2.previewChangeNotice(v1).changes()).containsExactly(new ChangeNotice.Change(
                "components[designation=Site Alpha].status", ChangeNotice.ChangeType.CHANGED, "OPERATIONAL",
                "INACTIVE"));
        assertThat(v1.status()).isEqualTo(DisclosureStatus.SUBMITTED);
    }
}
