package org.mdcoop.agreement.domain;

/**
 * Party commands on an agreement. {@link #apiName()} is the stable name used in {@code IllegalTransition} messages,
 * in the {@code allowedActions} of problem responses and (suggested) in REST paths.
 */
public enum AgreementAction {
    EDIT_DRAFT("edit-draft"),
    SUBMIT("submit"),
    ACCEPT("accept"),
    REJECT("reject"),
    RETRACT("retract"),
    WITHDRAW("withdraw"),
    CONSENT_EXTENSION("consent-extension"),
    REVOKE_EXTENSION("revoke-extension"),
    CONSENT_PERMANENCE("consent-permanence"),
    REVOKE_PERMANENCE("revoke-permanence"),
    RECORD_RESERVATION("record-reservation");

    private final String apiName;

    AgreementAction(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }
}
