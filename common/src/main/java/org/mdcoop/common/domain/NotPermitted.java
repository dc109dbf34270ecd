package org.mdcoop.common.domain;

/** The caller's party or role may not perform this command on this subject (HTTP 403). */
public class NotPermitted extends DomainException {

    public NotPermitted(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "not-permitted";
    }
}
