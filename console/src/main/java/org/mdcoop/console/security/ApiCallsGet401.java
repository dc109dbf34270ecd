package org.mdcoop.console.security;

import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * A call to {@code /api/...} without a valid session is answered 401, never with a redirect to the login page:
 * fetch cannot follow a redirect to the identity provider's origin, and a login must start from a page (whose
 * path becomes the redirect URI the user returns to). Quarkus OIDC answers such calls with 302, or with 499 for
 * scripts when {@code java-script-auto-redirect=false}; both become 401 here, before the headers are sent.
 */
public class ApiCallsGet401 {

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(done -> {
                int status = context.response().getStatusCode();
                if (status == 302 || status == 499) {
                    context.response().setStatusCode(401).setStatusMessage("Unauthorized");
                    context.response().headers().remove("Location");
                }
            });
            context.next();
        });
    }
}
