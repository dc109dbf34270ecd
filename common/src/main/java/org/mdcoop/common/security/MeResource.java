package org.mdcoop.common.security;

import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.mdcoop.common.domain.Party;

import io.quarkus.security.Authenticated;

/** Who the service thinks the caller is. Present on every service: the proof that identity wiring is right. */
@Path("/api/me")
@Authenticated
public class MeResource {

    public record Me(Party party, String subject, String username, Set<String> roles) {
    }

    private final Caller caller;

    public MeResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's party (from the verifying identity provider), subject, user name and roles")
    public Me me() {
        return new Me(caller.party(), caller.subject(), caller.username(), caller.roles());
    }
}
