package org.mdcoop.console.security;

import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/** The logged-in user of the current request: tenant, party (from the tenant), names, roles and access token. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** In a web-app tenant the principal is the verified ID token. */
    private JsonWebToken idToken() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return token;
        }
        throw new NotAuthorizedException("no session", "Session");
    }

    public String tenant() {
        String tenant = identity.getAttribute(TenantParty.TENANT_ID_ATTRIBUTE);
        if (tenant == null) {
            throw new NotAuthorizedException("no session", "Session");
        }
        return tenant;
    }

    public Party party() {
        return TenantParty.partyOfTenant(tenant()).orElseThrow(() -> new ForbiddenException("no party"));
    }

    /**
     * Refuses a request whose path names another party than the session's tenant. The tenant resolver already
     * makes that impossible; this keeps a resource honest should its path and the resolver ever disagree.
     */
    public void requireTenant(String pathTenant) {
        if (!tenant().equals(pathTenant)) {
            throw new ForbiddenException("this session belongs to another party");
        }
    }

    public String subject() {
        return idToken().getSubject();
    }

    /** The identity provider's session id: ties the CSRF token to one login rather than to the user forever. */
    public String sessionId() {
        String sid = idToken().getClaim("sid");
        return sid != null ? sid : subject();
    }

    public String username() {
        String name = idToken().getClaim("preferred_username");
        return name != null ? name : subject();
    }

    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The access token the services verify (audience {@code mdcoop}); it never leaves the server. */
    public String accessToken() {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null) {
            throw new NotAuthorizedException("no access token in the session", "Session");
        }
        return credential.getToken();
    }
}
