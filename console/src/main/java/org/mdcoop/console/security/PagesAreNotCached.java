package org.mdcoop.console.security;

import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * The SPA's page (index.html, served for every page path) must be fetched anew each time: Quinoa marks it
 * cacheable for a day, and a page taken from the browser's cache skips the server, so visiting {@code /nato/}
 * after logging out showed the page without starting a login. The hashed files under {@code /assets/} stay
 * cacheable.
 */
public class PagesAreNotCached {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String path = context.normalizedPath();
            if (!path.startsWith("/assets/") && !path.startsWith("/api/") && !path.startsWith("/q/")) {
                context.addHeadersEndHandler(done -> context.response().headers()
                        .set("Cache-Control", "no-store"));
            }
            context.next();
        });
    }
}
