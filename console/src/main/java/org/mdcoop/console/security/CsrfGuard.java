package org.mdcoop.console.security;

import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.mdcoop.console.api.Problems;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Refuses every state-changing call (anything but GET, HEAD, OPTIONS) that does not carry the session's CSRF token:
 * 403 before the call is relayed. The session cookie is also SameSite=Lax, so a cross-site form post does not even
 * carry it; the token covers what SameSite does not (same-site pages, older browsers).
 */
public class CsrfGuard {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final CsrfTokens tokens;
    private final SecurityIdentity identity;
    private final Caller caller;

    public CsrfGuard(CsrfTokens tokens, SecurityIdentity identity, Caller caller) {
        this.tokens = tokens;
        this.identity = identity;
        this.caller = caller;
    }

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || identity.isAnonymous()) {
            return null; // anonymous calls are refused by the endpoints' security annotations
        }
        if (tokens.matches(request.getHeaderString(CsrfTokens.HEADER), caller.tenant(), caller.sessionId())) {
            return null;
        }
        return Response.status(Response.Status.FORBIDDEN).type(Problems.TYPE)
                .entity(Problems.of(403, "csrf-token-missing",
                        "A state-changing call needs the session's " + CsrfTokens.HEADER + " header"))
                .build();
    }
}
