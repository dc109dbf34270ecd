package org.mdcoop.common.domain;

import java.util.List;

/** A command that the aggregate's current state does not allow (HTTP 409). */
public class IllegalTransition extends DomainException {

    private final String currentState;
    private final String action;
    private final List<String> allowedActions;

    public IllegalTransition(String currentState, String action, List<String> allowedActions) {
        this(currentState, action, allowedActions,
                "'" + action + "' is not allowed in state " + currentState + "; allowed: " + allowedActions);
    }

    public IllegalTransition(String currentState, String action, List<String> allowedActions, String message) {
        super(message);
        this.currentState = currentState;
        this.action = action;
        this.allowedActions = List.copyOf(allowedActions);
    }

    public String currentState() {
        return currentState;
    }

    public String action() {
        return action;
    }

    public List<String> allowedActions() {
        return allowedActions;
    }

    @Override
    public String problemType() {
        return "illegal-transition";
    }
}
