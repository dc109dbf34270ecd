package org.mdcoop.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;

/**
 * A NATO liaison's agreement screens after a real login. The shared stack's agreement must not change, so every
 * call the page makes to the agreement-service is answered by the test (Playwright routing): an agreement in force,
 * and the walk-away the liaison confirms. No agreement call reaches the console, let alone the service.
 */
class ConsoleLiaisonSystemTest {

    private static final String ID = "5d1c7a3e-2f4b-4c6d-8e9f-0a1b2c3d4e5f";
    private static final String EARLIER = "0e9d8c7b-6a5f-4e3d-9c2b-1a0f9e8d7c6b";
    private static ConsoleBrowser chromium;

    @BeforeAll
    static void startBrowser() {
        chromium = new ConsoleBrowser();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private record Sent(String method, String url, String csrf) {
    }

    private static String status(String state, boolean inForce, Instant expires) {
        return "{\"agreementId\":\"%s\",\"status\":\"%s\",\"elements\":[\"TRANSPARENCY\",\"DATA_FUSION_CENTRE\"],"
                .formatted(ID, state)
                + "\"inForce\":%s,\"effectiveAt\":\"2026-06-01T00:00:00Z\",\"expiresAt\":\"%s\",\"noticeEndsAt\":null,"
                        .formatted(inForce, expires)
                + "\"endedAt\":null,\"revision\":2}";
    }

    private static String view(String state, boolean inForce, Instant expires, String actions) {
        return ("{\"id\":\"%s\",\"status\":\"%s\",\"proposer\":\"RUSSIA\",\"elements\":[\"TRANSPARENCY\","
                + "\"DATA_FUSION_CENTRE\"],\"termMonths\":24,\"effectiveAt\":\"2026-06-01T00:00:00Z\","
                + "\"expiresAt\":\"%s\",\"inForce\":%s,\"allowedActions\":[%s]}")
                .formatted(ID, state, expires, inForce, actions);
    }

    @Test
    void aLiaisonSeesTheAgreementAndConfirmsAWalkAwayThatSaysWhatStops() {
        Instant expires = Instant.now().plus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<Sent> sent = new CopyOnWriteArrayList<>();
        try (BrowserContext context = chromium.newContext()) {
            context.route(url -> url.contains("/api/nato/agreement/"), route -> {
                String url = route.request().url();
                String method = route.request().method();
                sent.add(new Sent(method, url, route.request().headers().get("x-csrf-token")));
                if (method.equals("GET") && url.endsWith("/agreements/status")) {
                    json(route, "[" + status("PROVISIONAL", true, expires) + "]");
                } else if (method.equals("GET") && url.endsWith("/agreements/" + ID)) {
                    json(route, view("PROVISIONAL", true, expires, "\"withdraw\",\"consent-extension\""));
                } else if (method.equals("GET") && url.contains("/agreements?limit=10&cursor=page-2")) {
                    json(route, "[" + view("EXPIRED", false, expires, "").replace(ID, EARLIER) + "]");
                } else if (method.equals("GET") && url.endsWith("/agreements?limit=10")) {
                    // the first page of the service's list, and the cursor of the next in the header it sends
                    route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("application/json")
                            .setHeaders(java.util.Map.of("X-Next-Cursor", "page-2"))
                            .setBody("[" + view("PROVISIONAL", true, expires, "") + "]"));
                } else if (method.equals("GET") && url.endsWith("/agreements/" + ID + "/amendments")) {
                    json(route, "[]");
                } else if (method.equals("POST") && url.endsWith("/agreements/" + ID + "/withdraw")) {
                    json(route, view("WITHDRAWN", false, expires, ""));
                } else {
                    route.abort(); // nothing else may leave the page, and nothing at all reaches the stack
                }
            });
            Page page = ConsoleBrowser.logIn(context, "nato-liaison");
            assertThat(page.getByTestId("banner-roles")).containsText("liaison");
            assertThat(page.getByRole(AriaRole.NAVIGATION)).not().containsText("Picture");
            assertThat(page.getByTestId("agreement-state")).hasText("PROVISIONAL (in force)");
            assertThat(page.getByTestId("agreement-term")).hasText("24 months");
            assertThat(page.getByTestId("agreement-countdown")).containsText("d ");
            assertThat(page.getByTestId("elements-in-force")).containsText("Data fusion centre");
            // every agreement, a page at a time: the next page only when asked for, with the service's cursor
            Locator list = page.getByTestId("agreement-list");
            assertThat(list.locator("[data-agreement]")).hasCount(1);
            list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("More")).click();
            assertThat(list.locator("[data-agreement='" + EARLIER + "']")).containsText("EXPIRED");
            assertThat(list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("More"))).hasCount(0);
            ConsoleBrowser.screenshot(page, "console-nato-liaison-agreement");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Liaison actions")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Walk away")).click();
            assertThat(page.getByRole(AriaRole.DIALOG)).containsText(
                    "This stops: Data fusion centre, Transparency.");
            ConsoleBrowser.screenshot(page, "console-nato-liaison-walk-away");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel")).click();
            assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
            assertThat(sent).noneMatch(s -> s.method().equals("POST"));

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Walk away")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
            assertThat(page.getByTestId("liaison-actions")).containsText("WITHDRAWN");

            // the page sent the session's CSRF token with its one state-changing call
            String token = context.request().get(ConsoleBrowser.CONSOLE + "/api/nato/session").text()
                    .replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1");
            List<Sent> posts = sent.stream().filter(s -> s.method().equals("POST")).toList();
            assertThat(posts).hasSize(1);
            assertThat(posts.get(0).url()).endsWith("/api/nato/agreement/agreements/" + ID + "/withdraw");
            assertThat(posts.get(0).csrf()).isNotBlank().isEqualTo(token);
        }
    }

    private static void json(Route route, String body) {
        route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("application/json").setBody(body));
    }
}
