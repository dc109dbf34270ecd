package org.mdcoop.common.domain;

/**
 * Base of every rule violation raised by a domain. Each subclass maps to one HTTP status and one stable
 * problem type in the API layer, so the domain never needs to know about HTTP.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    /** Stable, URL-safe slug used as the last segment of the problem {@code type}. */
    public abstract String problemType();
}
