package org.mdcoop.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.RequestOptions;

/**
 * The staff console in a real browser against the running stack: each party logs in through its own Keycloak login
 * page and sees its own banner and the picture; an analyst is offered no liaison action; a state-changing call
 * without the CSRF token is refused; one party's session is no session on the other party's paths. Nothing here
 * changes an agreement: the refused calls never reach a service, and the one allowed call is a read.
 */
class ConsoleBrowserSystemTest {

    private static ConsoleBrowser chromium;
    private static BrowserContext nato;
    private static BrowserContext russia;
    private static Page natoPage;
    private static Page russiaPage;

    @BeforeAll
    static void logInBothParties() {
        chromium = new ConsoleBrowser();
        nato = chromium.newContext();
        russia = chromium.newContext();
        natoPage = ConsoleBrowser.logIn(nato, "nato-analyst");
        russiaPage = ConsoleBrowser.logIn(russia, "russia-analyst");
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aNatoAnalystSeesThePictureWithTheMapUnderANatoBanner() {
        assertThat(natoPage.getByTestId("banner-party")).hasText("NATO");
        assertThat(natoPage.getByTestId("banner-user")).hasText("nato-analyst");
        assertThat(natoPage.getByTestId("banner-roles")).containsText("analyst");
        assertThat(natoPage.getByTestId("picture")).isVisible();
        assertThat(natoPage.getByTestId("map")).hasAttribute("data-map-ready", "true");
        assertThat(natoPage.getByTestId("track-table")).isVisible();
        // the live stream reached fusion-service through the console with the analyst's token
        assertThat(natoPage.getByTestId("stream-state")).hasText("live updates: connected");
        assertThat(natoPage).hasURL(ConsoleBrowser.CONSOLE + "/nato/");
        ConsoleBrowser.screenshot(natoPage, "console-nato-analyst-picture");
    }

    @Test
    void aRussianAnalystInASecondBrowserSeesRussiaWhileTheNatoSessionStaysNato() {
        assertThat(russiaPage.getByTestId("banner-party")).hasText("RUSSIA");
        assertThat(russiaPage.getByTestId("banner-user")).hasText("russia-analyst");
        assertThat(russiaPage.getByTestId("map")).hasAttribute("data-map-ready", "true");
        ConsoleBrowser.screenshot(russiaPage, "console-russia-analyst-picture");
        natoPage.reload();
        assertThat(natoPage.getByTestId("banner-party")).hasText("NATO");
    }

    @Test
    void anAnalystIsOfferedNoLiaisonActionEvenOnTheLiaisonPath() {
        assertThat(natoPage.getByRole(com.microsoft.playwright.options.AriaRole.NAVIGATION))
                .not().containsText("Liaison");
        Page page = nato.newPage();
        page.navigate(ConsoleBrowser.CONSOLE + "/nato/liaison");
        assertThat(page.getByTestId("picture")).isVisible();
        assertThat(page.getByTestId("liaison-actions")).hasCount(0);
        assertThat(page.getByText("Walk away")).hasCount(0);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Agreement")).click();
        assertThat(page.getByTestId("agreement")).isVisible();
        ConsoleBrowser.screenshot(page, "console-nato-analyst-agreement");
        page.close();
    }

    @Test
    void anAnalystIsOfferedNoTransparencyExerciseOrAuditScreenEvenOnTheirPaths() {
        assertThat(natoPage.getByRole(com.microsoft.playwright.options.AriaRole.NAVIGATION))
                .hasText("AgreementPictureReachability");
        Page page = nato.newPage();
        for (String screen : List.of("transparency", "exercises", "audit")) {
            page.navigate(ConsoleBrowser.CONSOLE + "/nato/" + screen);
            assertThat(page.getByTestId("picture")).isVisible();
            assertThat(page.getByTestId("own-disclosures")).hasCount(0);
            assertThat(page.getByTestId("propose-exercise")).hasCount(0);
            assertThat(page.getByTestId("audit")).hasCount(0);
        }
        page.close();
    }

    @Test
    void aStateChangingCallWithoutTheCsrfTokenIsRefused403AndNeverRelayed() {
        String withdraw = ConsoleBrowser.CONSOLE + "/api/nato/agreement/agreements/" + UUID.randomUUID() + "/withdraw";
        APIResponse forged = nato.request().post(withdraw, RequestOptions.create()
                .setHeader("Content-Type", "application/json").setData("{\"reason\":\"forged\"}"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.text()).contains("csrf-token-missing");
        APIResponse wrongToken = nato.request().post(withdraw, RequestOptions.create()
                .setHeader("Content-Type", "application/json").setHeader("X-CSRF-Token", "guessed")
                .setData("{\"reason\":\"forged\"}"));
        assertThat(wrongToken.status()).isEqualTo(403);
        // the same session reads fine: the refusal is the missing token, not the session
        assertThat(nato.request().get(ConsoleBrowser.CONSOLE + "/api/nato/session").status()).isEqualTo(200);
    }

    @Test
    void theConsoleRelaysWithTheUsersOwnTokenAndPassesTheServicesAnswerOn() {
        // the services themselves see each session's user and party: the console sent that user's token
        APIResponse natoMe = nato.request().get(ConsoleBrowser.CONSOLE + "/api/nato/agreement/me");
        assertThat(natoMe.status()).isEqualTo(200);
        assertThat(natoMe.text()).contains("\"party\":\"NATO\"").contains("\"username\":\"nato-analyst\"");
        APIResponse russiaMe = russia.request().get(ConsoleBrowser.CONSOLE + "/api/russia/fusion/me");
        assertThat(russiaMe.text()).contains("\"party\":\"RUSSIA\"").contains("\"username\":\"russia-analyst\"");
        // a refusal is the service's own problem detail, unchanged
        APIResponse audit = nato.request().get(ConsoleBrowser.CONSOLE + "/api/nato/agreement/audit/head");
        assertThat(audit.status()).isEqualTo(403);
        assertThat(audit.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(audit.text()).contains("urn:mdcoop:problem:forbidden");
        // what the allow-list does not name is not relayed, with or without the CSRF token
        String csrf = nato.request().get(ConsoleBrowser.CONSOLE + "/api/nato/session").text()
                .replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1");
        APIResponse clock = nato.request().post(ConsoleBrowser.CONSOLE + "/api/nato/agreement/clock/advance",
                RequestOptions.create().setHeader("X-CSRF-Token", csrf).setHeader("Content-Type", "application/json")
                        .setData("{\"seconds\":1}"));
        assertThat(clock.status()).isEqualTo(404);
        assertThat(clock.text()).contains("not-relayed");
    }

    @Test
    void aNatoSessionCookieIsNoSessionOnTheRussianPaths() throws Exception {
        List<Cookie> session = nato.cookies(ConsoleBrowser.CONSOLE).stream()
                .filter(c -> c.name.startsWith("q_session_nato")).toList();
        assertThat(session).isNotEmpty();
        String asIs = session.stream().map(c -> c.name + "=" + c.value).collect(Collectors.joining("; "));
        String renamed = session.stream().map(c -> c.name.replace("q_session_nato", "q_session_russia") + "=" + c.value)
                .collect(Collectors.joining("; "));

        assertThat(get("/api/nato/session", asIs)).isEqualTo(200);
        assertThat(get("/api/russia/session", asIs)).isEqualTo(401);
        assertThat(get("/api/russia/session", renamed)).isEqualTo(401);
        assertThat(get("/api/russia/fusion/picture", renamed)).isEqualTo(401);
        assertThat(get("/api/russia/agreement/agreements/status", renamed)).isEqualTo(401);
    }

    @Test
    void anAuditorSeesTheAgreementAndTheAuditLogOnlyAndLoggingOutEndsTheSessionHereAndAtKeycloak() {
        try (BrowserContext auditor = chromium.newContext()) {
            Page page = ConsoleBrowser.logIn(auditor, "nato-auditor");
            assertThat(page.getByTestId("agreement")).isVisible();
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.NAVIGATION)).hasText("AgreementAudit log");
            page.getByText("Log out").click();
            assertThat(page.getByText("Log in — NATO")).isVisible();
            assertThat(auditor.request().get(ConsoleBrowser.CONSOLE + "/api/nato/session").status()).isEqualTo(401);
            // Keycloak asks for the password again: its session ended too
            page.getByText("Log in — NATO").click();
            assertThat(page.locator("#username")).isVisible();
        }
    }

    private static int get(String path, String cookies) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ConsoleBrowser.CONSOLE + path))
                .header("Cookie", cookies).header("X-Requested-With", "XMLHttpRequest").GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
