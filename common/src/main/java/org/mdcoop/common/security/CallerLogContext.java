package org.mdcoop.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;
import org.mdcoop.common.domain.Party;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.spi.runtime.AuthenticationSuccessEvent;

/**
 * Puts the authenticated caller's party and token subject into the logging MDC of the request ({@code party},
 * {@code subject}), so that every log line written while serving it names who asked: the prod profile's JSON logs
 * (ECS) carry them. Quarkus keeps the MDC in the request's Vert.x context, so they neither leak into other requests
 * nor need removing. Observing the authentication event changes nothing about when or how a caller is authenticated.
 */
@ApplicationScoped
public class CallerLogContext {

    public static final String PARTY = "party";
    public static final String SUBJECT = "subject";

    void authenticated(@Observes AuthenticationSuccessEvent event) {
        SecurityIdentity identity = event.getSecurityIdentity();
        if (identity == null || identity.isAnonymous()) {
            return;
        }
        Party party = identity.getAttribute(PartyIdentityAugmentor.PARTY_ATTRIBUTE);
        if (party != null) {
            MDC.put(PARTY, party.name());
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            MDC.put(SUBJECT, token.getSubject());
        }
    }
}
