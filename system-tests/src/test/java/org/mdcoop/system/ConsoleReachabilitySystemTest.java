package org.mdcoop.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * NATO's analyst asks transparency-service's reachability question in the console (a computation: nothing on the
 * stack changes, so no agreement is made): an interceptor near Gdańsk with a 4.5 km/s burnout velocity is too late
 * for the illustrative ~7,000 km arc ILL-1 and could reach the ~3,400 km arc ILL-4; each answer with its chart of the
 * interceptor's fly-out against the missile's arc. A latitude out of range is refused with the service's field error.
 */
class ConsoleReachabilitySystemTest {

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

    @Test
    void theAnalystSeesTheServicesAnswerAndTheFlyOutAgainstTheMissilesArc() {
        try (BrowserContext context = chromium.newContext()) {
            Page page = ConsoleBrowser.logIn(context, "nato-analyst");
            page.getByRole(AriaRole.NAVIGATION).getByText("Reachability").click();
            Locator screen = page.getByTestId("reachability");
            assertThat(screen).containsText("not real data");
            assertThat(screen.getByText("ILL-4:", new Locator.GetByTextOptions().setExact(false))).isVisible();

            screen.getByLabel("Site latitude").fill("95");
            screen.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Assess")).click();
            assertThat(screen.locator("[data-field='interceptor.site.lat']")).hasText("must be between -90 and 90");

            screen.getByLabel("Site latitude").fill("54.4");
            screen.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Assess")).click();
            assertThat(screen.getByTestId("any-reachable")).containsText("Reachable");
            Locator far = screen.locator("[data-assessment='ILL-1']");
            assertThat(far.getByTestId("verdict")).hasText("Too late");
            assertThat(far).containsText("not reachable; margin -340.7 s");
            assertThat(far.getByTestId("intercept-marker")).hasCount(0);
            Locator near = screen.locator("[data-assessment='ILL-4']");
            assertThat(near.getByTestId("verdict")).hasText("Reachable");
            assertThat(near).containsText("earliest intercept 601 s after launch");
            assertThat(near.getByTestId("arc-line")).hasCount(1);
            assertThat(near.getByTestId("flyout-line")).hasCount(1);
            assertThat(near.getByTestId("intercept-marker")).hasCount(1);
            near.scrollIntoViewIfNeeded();
            ConsoleBrowser.screenshot(page, "console-nato-analyst-reachability");
        }
    }
}
