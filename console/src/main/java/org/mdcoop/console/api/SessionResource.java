package org.mdcoop.console.api;

import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.mdcoop.console.security.Caller;
import org.mdcoop.console.security.CsrfTokens;
import org.mdcoop.console.security.Party;

import io.quarkus.security.Authenticated;

/** Who the console thinks the user is, and the CSRF token the SPA sends on state-changing calls. */
@Path("/api/{tenant}/session")
@Authenticated
public class SessionResource {

    public record Session(Party party, String username, String subject, Set<String> roles, String csrfToken,
            String logoutPath) {
    }

    private final Caller caller;
    private final CsrfTokens csrf;

    public SessionResource(Caller caller, CsrfTokens csrf) {
        this.caller = caller;
        this.csrf = csrf;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Session session(@PathParam("tenant") String tenant) {
        caller.requireTenant(tenant);
        return new Session(caller.party(), caller.username(), caller.subject(), caller.roles(),
                csrf.tokenFor(caller.tenant(), caller.sessionId()), "/" + tenant + "/logout");
    }
}
