package org.mdcoop.common.domain;

/**
 * The subject does not exist, or exists but the caller may not know that it does (HTTP 404). Messages must not
 * reveal anything about subjects of the other party.
 */
public class NotFound extends DomainException {

    public NotFound(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "not-found";
    }
}
