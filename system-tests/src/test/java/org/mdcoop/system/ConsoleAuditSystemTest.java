package org.mdcoop.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mdcoop.system.Stack.as;
import static org.mdcoop.system.Stack.url;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * Both parties' auditors read the one joint audit chain in the console, with the agreement-service's verification
 * of every hash; the screen is read-only. Nothing here changes anything.
 */
class ConsoleAuditSystemTest {

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

    private static Page openAudit(BrowserContext context, String user) {
        Page page = ConsoleBrowser.logIn(context, user);
        Locator menu = page.getByRole(AriaRole.NAVIGATION);
        assertThat(menu).containsText("Audit log");
        assertThat(menu).not().containsText("Picture");
        assertThat(menu).not().containsText("Liaison");
        menu.getByText("Audit log").click();
        assertThat(page.getByTestId("audit")).isVisible();
        return page;
    }

    @Test
    void bothAuditorsSeeTheSameVerifiedChainAndNoCommand() {
        // what the agreement-service itself says about the chain, to compare the screen with
        boolean valid = as("nato-auditor").get(url("agreement", "/api/audit/verify")).then().statusCode(200)
                .extract().path("valid");
        long firstSeq = ((Number) as("nato-auditor").get(url("agreement", "/api/audit?fromSeq=1&limit=1")).then()
                .statusCode(200).extract().path("entries[0].seq")).longValue();
        String firstAction = as("nato-auditor").get(url("agreement", "/api/audit?fromSeq=1&limit=1")).then()
                .extract().path("entries[0].action");
        long headSeq = ((Number) as("nato-auditor").get(url("agreement", "/api/audit/head")).then().statusCode(200)
                .extract().path("seq")).longValue();
        try (BrowserContext nato = chromium.newContext(); BrowserContext russia = chromium.newContext()) {
            Page natoPage = openAudit(nato, "nato-auditor");
            Locator verification = natoPage.getByTestId("audit-verification");
            assertThat(verification).containsText(valid ? "Chain intact" : "Chain broken at entry #");
            // newest first: the first row is the head as the screen read it (at or after the one read above)
            Locator rows = natoPage.getByTestId("audit-entries").locator("tbody tr");
            assertThat(rows.first()).hasAttribute("data-seq", java.util.regex.Pattern.compile("\\d+"));
            long firstShown = Long.parseLong(rows.first().getAttribute("data-seq"));
            assertThat(firstShown).isGreaterThanOrEqualTo(headSeq);
            assertThat(rows).hasCount((int) Math.min(50, firstShown));
            if (rows.count() > 1) {
                org.assertj.core.api.Assertions.assertThat(Long.parseLong(rows.nth(1).getAttribute("data-seq")))
                        .isEqualTo(firstShown - 1);
            }
            ConsoleBrowser.screenshot(natoPage, "console-nato-auditor-audit");
            if (firstShown > 50) {
                natoPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Oldest")).click();
            }
            Locator first = natoPage.locator("[data-seq='" + firstSeq + "']");
            assertThat(first).containsText(firstAction);
            assertThat(natoPage.getByTestId("audit").getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Confirm"))).hasCount(0);

            // the same chain for Russia's auditor: one joint log, the same head
            Page russiaPage = openAudit(russia, "russia-auditor");
            String natoHead = verification.textContent().replaceAll(".*Head hash (\\S+).*", "$1");
            assertThat(russiaPage.getByTestId("audit-verification")).containsText("Head hash " + natoHead);
            assertThat(russiaPage.getByTestId("audit-entries").locator("tbody tr").first())
                    .hasAttribute("data-seq", java.util.regex.Pattern.compile("\\d+"));
            if (Long.parseLong(russiaPage.getByTestId("audit-entries").locator("tbody tr").first()
                    .getAttribute("data-seq")) > 50) {
                russiaPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Oldest")).click();
            }
            assertThat(russiaPage.locator("[data-seq='" + firstSeq + "']")).containsText(firstAction);
        }
    }
}
