package org.mdcoop.common.security;

import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.mdcoop.common.domain.NotPermitted;
import org.mdcoop.common.domain.Party;

import io.quarkus.security.identity.SecurityIdentity;

/** The authenticated caller of the current request: party (from the verifying tenant), subject and roles. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Party party() {
        Party party = identity.getAttribute(PartyIdentityAugmentor.PARTY_ATTRIBUTE);
        if (party == null) {
            throw new NotPermitted("the caller has no party");
        }
        return party;
    }

    public String issuer() {
        return token.getIssuer();
    }

    public String subject() {
        return token.getSubject();
    }

    /** Issuer and subject together: unique across both identity providers, used in audit records. */
    public String qualifiedSubject() {
        return issuer() + "|" + subject();
    }

    public String username() {
        String name = token.getClaim("preferred_username");
        return name != null ? name : subject();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }
}
