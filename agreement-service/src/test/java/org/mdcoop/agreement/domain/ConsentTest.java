package org.mdcoop.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mdcoop.agreement.domain.Fixtures.LATER;
import static org.mdcoop.agreement.domain.Fixtures.T0;
import static org.mdcoop.agreement.domain.Fixtures.T0_EXPIRY;
import static org.mdcoop.common.domain.Party.NATO;
import static org.mdcoop.common.domain.Party.RUSSIA;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.RuleViolation;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.common.domain.ValidationFailed.FieldError;

/** Extension and permanence consents: orders, revocation, mismatched months, expiry. */
class ConsentTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final Instant T1 = LATER;
    private static final Instant T2 = LATER.plus(Duration.ofDays(1));
    private static final Instant T3 = LATER.plus(Duration.ofDays(2));

    private static void assertRule(Runnable command, String slug) {
        assertThatThrownBy(command::run)
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo(slug));
    }

    // ------------------------------------------------------------ extension

    @ParameterizedTest(name = "{0} consents first")
    @EnumSource(Party.class)
    void extensionTakesEffectWhenBothConsentToTheSameMonthsInEitherOrder(Party first) {
        Agreement a = Fixtures.provisional();
        assertThat(a.consentToExtension(first, T1, 24)).singleElement()
                .isEqualTo(new AgreementEvent.ExtensionConsented(a.getId(), first, T1, 24));
        assertThat(a.extensionConsent(first)).contains(new ExtensionConsent(24, T1));
        assertThat(a.getExpiresAt()).isEqualTo(T0_EXPIRY);
        assertThat(a.allowedActions(first)).contains(AgreementAction.REVOKE_EXTENSION)
                .doesNotContain(AgreementAction.CONSENT_EXTENSION);

        List<AgreementEvent> events = a.consentToExtension(first.other(), T2, 24);
        Instant extended = Instant.parse("2032-01-15T09:00:00Z");
        assertThat(events).containsExactly(
                new AgreementEvent.ExtensionConsented(a.getId(), first.other(), T2, 24),
                new AgreementEvent.Extended(a.getId(), first.other(), T2, 24, T0_EXPIRY, extended));
        assertThat(a.getExpiresAt()).isEqualTo(extended);
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.PROVISIONAL);
        assertThat(a.getExtensionConsents()).isEmpty();
        assertThat(a.expireIfDue(T0_EXPIRY)).isEmpty();
    }

    @Test
    void extensionsAccumulate() {
        Agreement a = Fixtures.provisional();
        a.consentToExtension(NATO, T1, 12);
        a.consentToExtension(RUSSIA, T1, 12);
        a.consentToExtension(RUSSIA, T2, 6);
        a.consentToExtension(NATO, T2, 6);
        assertThat(a.getExpiresAt()).isEqualTo(Instant.parse("2031-07-15T09:00:00Z"));
    }

    @Test
    void aRevokedConsentDoesNotCountTowardsTheExtension() {
        Agreement a = Fixtures.provisional();
        a.consentToExtension(NATO, T1, 12);
        assertThat(a.revokeExtensionConsent(NATO, T2)).singleElement()
                .isEqualTo(new AgreementEvent.ExtensionConsentRevoked(a.getId(), NATO, T2, 12));
        assertThat(a.consentToExtension(RUSSIA, T3, 12)).hasSize(1);
        assertThat(a.getExpiresAt()).isEqualTo(T0_EXPIRY);
        assertThat(a.extensionConsent(RUSSIA)).isPresent();
        assertThat(a.extensionConsent(NATO)).isEmpty();
    }

    @Test
    void aConsentCannotBeRevokedOnceTheOtherSideHasConsented() {
        Agreement a = Fixtures.provisional();
        a.consentToExtension(NATO, T1, 12);
        a.consentToExtension(RUSSIA, T2, 12);
        assertRule(() -> a.revokeExtensionConsent(NATO, T3), "no-pending-consent");
        assertThat(a.getExpiresAt()).isEqualTo(Instant.parse("2031-01-15T09:00:00Z"));
    }

    @Test
    void aPartyCannotRevokeTheOtherPartysConsent() {
        Agreement a = Fixtures.provisional();
        a.consentToExtension(NATO, T1, 12);
        assertRule(() -> a.revokeExtensionConsent(RUSSIA, T2), "no-pending-consent");
        assertThat(a.extensionConsent(NATO)).isPresent();
    }

    @Test
    void consentWithDifferentMonthsThanTheOtherSidesPendingConsentIsRefusedNamingItsMonths() {
        Agreement a = Fixtures.provisional();
        a.consentToExtension(NATO, T1, 12);
        AgreementSnapshot before = a.snapshot();
        assertThatThrownBy(() -> a.consentToExtension(RUSSIA, T2, 24))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo("extension-months-mismatch");
                    assertThat(e.getMessage()).contains("NATO has consented to extend by 12 months");
                });
        assertThat(a.snapshot()).isEqualTo(before);
    }

    @Test
    void afterRevokingTheProposerOfTheOtherMonthsCanBeMatched() {
        Agreement a = Fixtures.provisional();
        a.consentToExtension(NATO, T1, 12);
        a.revokeExtensionConsent(NATO, T2);
        a.consentToExtension(RUSSIA, T2, 24);
        assertThat(a.consentToExtension(NATO, T3, 24)).hasSize(2);
        assertThat(a.getExpiresAt()).isEqualTo(Instant.parse("2032-01-15T09:00:00Z"));
    }

    @Test
    void consentingTwiceIsRefused() {
        Agreement a = Fixtures.provisional();
        a.consentToExtension(NATO, T1, 12);
        assertRule(() -> a.consentToExtension(NATO, T2, 12), "consent-already-given");
        assertRule(() -> a.consentToExtension(NATO, T2, 6), "consent-already-given");
        assertThat(a.extensionConsent(NATO)).contains(new ExtensionConsent(12, T1));
    }

    @ParameterizedTest
    @ValueSource(ints = {-5, 0, 121})
    void extensionMonthsOutside1To120AreRefused(int months) {
        Agreement a = Fixtures.provisional();
        assertThatThrownBy(() -> a.consentToExtension(NATO, T1, months))
                .isInstanceOfSatisfying(ValidationFailed.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("months"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 120})
    void extensionMonthBoundsAreAccepted(int months) {
        assertThat(Fixtures.provisional().consentToExtension(NATO, T1, months)).hasSize(1);
    }

    @Test
    void secondConsentOneSecondBeforeExpiryStillExtends() {
        Agreement a = Fixtures.provisional();
        a.consentToExtension(NATO, T1, 12);
        assertThat(a.consentToExtension(RUSSIA, T0_EXPIRY.minus(ONE_SECOND), 12)).hasSize(2);
        assertThat(a.expireIfDue(T0_EXPIRY)).isEmpty();
    }

    @Test
    void secondConsentAtExpiryIsRefusedAndTheAgreementExpires() {
        Agreement a = Fixtures.provisional();
        a.consentToExtension(NATO, T1, 12);
        assertRule(() -> a.consentToExtension(RUSSIA, T0_EXPIRY, 12), "agreement-expired");
        assertRule(() -> a.revokeExtensionConsent(NATO, T0_EXPIRY), "agreement-expired");
        assertThat(a.expireIfDue(T0_EXPIRY)).isPresent();
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.EXPIRED);
        assertThat(a.getExtensionConsents()).isEmpty();
    }

    @Test
    void consentAfterExpiryIsRefused() {
        Agreement a = Fixtures.provisional();
        assertRule(() -> a.consentToExtension(NATO, T0_EXPIRY.plus(ONE_SECOND), 12), "agreement-expired");
        assertRule(() -> a.consentToPermanence(NATO, T0_EXPIRY.plus(ONE_SECOND)), "agreement-expired");
    }

    @Test
    void consentBeforeTheEffectiveDateIsAllowed() {
        Agreement a = Fixtures.draft(Fixtures.allElements().withEffectiveAt(T0.plus(Duration.ofDays(90))));
        a.submit(NATO, T0);
        a.accept(RUSSIA, T0);
        assertThat(a.consentToExtension(NATO, T1, 12)).hasSize(1);
    }

    // ------------------------------------------------------------ permanence

    @ParameterizedTest(name = "{0} consents first")
    @EnumSource(Party.class)
    void agreementBecomesPermanentWhenBothConsentInEitherOrder(Party first) {
        Agreement a = Fixtures.provisional();
        a.consentToExtension(NATO, T1, 12);
        assertThat(a.consentToPermanence(first, T1)).singleElement()
                .isEqualTo(new AgreementEvent.PermanenceConsented(a.getId(), first, T1));
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.PROVISIONAL);
        assertThat(a.permanenceConsent(first)).contains(new PermanenceConsent(T1));

        assertThat(a.consentToPermanence(first.other(), T2)).containsExactly(
                new AgreementEvent.PermanenceConsented(a.getId(), first.other(), T2),
                new AgreementEvent.MadePermanent(a.getId(), first.other(), T2));
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.PERMANENT);
        assertThat(a.getPermanentAt()).isEqualTo(T2);
        assertThat(a.getExpiresAt()).isNull();
        assertThat(a.getPermanenceConsents()).isEmpty();
        assertThat(a.getExtensionConsents()).isEmpty();
        assertThat(a.expireIfDue(T0_EXPIRY.plus(Duration.ofDays(1000)))).isEmpty();
        assertThat(a.isInForceAt(T0_EXPIRY.plus(Duration.ofDays(1000)))).isTrue();
    }

    @Test
    void aRevokedPermanenceConsentDoesNotCount() {
        Agreement a = Fixtures.provisional();
        a.consentToPermanence(RUSSIA, T1);
        assertThat(a.revokePermanenceConsent(RUSSIA, T2)).singleElement()
                .isEqualTo(new AgreementEvent.PermanenceConsentRevoked(a.getId(), RUSSIA, T2));
        assertThat(a.consentToPermanence(NATO, T3)).hasSize(1);
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.PROVISIONAL);
    }

    @Test
    void permanenceConsentCannotBeGivenTwiceOrRevokedWithoutOne() {
        Agreement a = Fixtures.provisional();
        assertRule(() -> a.revokePermanenceConsent(NATO, T1), "no-pending-consent");
        a.consentToPermanence(NATO, T1);
        assertRule(() -> a.consentToPermanence(NATO, T2), "consent-already-given");
    }

    @Test
    void pendingPermanenceConsentSurvivesAnExtension() {
        Agreement a = Fixtures.provisional();
        a.consentToPermanence(NATO, T1);
        a.consentToExtension(NATO, T1, 12);
        a.consentToExtension(RUSSIA, T2, 12);
        assertThat(a.permanenceConsent(NATO)).isPresent();
        assertThat(a.consentToPermanence(RUSSIA, T3)).hasSize(2);
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.PERMANENT);
    }

    @Test
    void permanenceConsentAtExpiryIsRefused() {
        Agreement a = Fixtures.provisional();
        a.consentToPermanence(NATO, T1);
        assertRule(() -> a.consentToPermanence(RUSSIA, T0_EXPIRY), "agreement-expired");
        assertThat(a.consentToPermanence(RUSSIA, T0_EXPIRY.minus(ONE_SECOND))).hasSize(2);
    }
}
