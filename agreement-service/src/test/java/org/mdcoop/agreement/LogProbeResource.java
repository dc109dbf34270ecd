package org.mdcoop.agreement;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.logging.Log;
import io.quarkus.security.Authenticated;

/** Test-only endpoint (test sources, not in the service): writes one log line while serving an authenticated call. */
@Path("/api/test/log-probe")
public class LogProbeResource {

    @GET
    @Authenticated
    @Produces(MediaType.TEXT_PLAIN)
    public String probe(@QueryParam("marker") String marker) {
        Log.infof("log probe %s", marker);
        return "logged";
    }
}
