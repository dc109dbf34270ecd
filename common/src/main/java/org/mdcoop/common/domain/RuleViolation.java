package org.mdcoop.common.domain;

/**
 * A command that conflicts with a business rule other than the state machine, e.g. "only one agreement in force"
 * or "the agreement has ended" (HTTP 409).
 */
public class RuleViolation extends DomainException {

    private final String rule;

    /** @param rule short stable slug of the rule, e.g. {@code agreement-not-in-force} */
    public RuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }

    @Override
    public String problemType() {
        return rule;
    }
}
