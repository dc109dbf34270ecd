package org.mdcoop.common.events;

/**
 * A message that can never be processed, however often it is retried (unparseable, missing members, a payload that
 * breaks its schema). Consumers send it to the dead-letter topic with this message as the reason.
 */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
