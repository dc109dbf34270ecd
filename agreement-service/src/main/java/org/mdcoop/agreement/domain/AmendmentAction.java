package org.mdcoop.agreement.domain;

/** Party commands on an amendment; {@link #apiName()} appears in IllegalTransition messages. */
public enum AmendmentAction {
    ENDORSE("endorse"),
    REJECT("reject");

    private final String apiName;

    AmendmentAction(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }
}
