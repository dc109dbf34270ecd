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
 * Both parties' liaisons in the console against the running stack, with an agreement in force: NATO's liaison
 * consents to a two-year extension and proposes an amendment; Russia's liaison sees NATO's consent and the
 * proposal, consents too (the agreement is extended by 24 months at once, and the service clears both consents, so
 * the screen says what happened and shows the new expiry) and endorses the amendment, which is then adopted.
 */
class ConsoleAmendmentSystemTest {

    private static ConsoleBrowser chromium;

    @BeforeAll
    static void agreementInForce() {
        ConsoleAgreement.inForce();
        chromium = new ConsoleBrowser();
    }

    @AfterAll
    static void endIt() {
        if (chromium != null) {
            chromium.close();
        }
        ConsoleAgreement.end();
    }

    private static Page openLiaison(BrowserContext context, String user) {
        Page page = ConsoleBrowser.logIn(context, user);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Liaison actions")).click();
        assertThat(page.getByTestId("consents")).isVisible();
        return page;
    }

    private static Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void bothLiaisonsConsentToAnExtensionAndAdoptAnAmendment() {
        String title = "Hotline " + System.nanoTime();
        try (BrowserContext nato = chromium.newContext(); BrowserContext russia = chromium.newContext()) {
            Page natoPage = openLiaison(nato, "nato-liaison");
            Locator consents = natoPage.getByTestId("consents");
            consents.getByLabel("Extension months").fill("24");
            button(consents, "Consent to extend").click();
            assertThat(consents.locator("[data-party='NATO']")).containsText("extend by 24 months");
            assertThat(consents.locator("[data-party='RUSSIA']")).containsText("not given");
            assertThat(button(consents, "Consent to extend")).hasCount(0);
            assertThat(button(consents, "Revoke the extension consent")).isVisible();

            Locator amendments = natoPage.getByTestId("amendments");
            amendments.getByText("Propose the amendment").click();
            assertThat(amendments.locator("[data-field='title']")).isVisible(); // the service names the empty title
            amendments.getByLabel("Amendment title").fill(title);
            amendments.getByLabel("Amendment text").fill("Exchange pre-launch notices.");
            amendments.getByText("Propose the amendment").click();
            Locator proposed = amendments.locator("[data-amendment-title='" + title + "']");
            assertThat(proposed.getByTestId("amendment-status")).hasText("PROPOSED");
            assertThat(button(proposed, "Endorse")).hasCount(0); // NATO proposed it, which counts as its endorsement

            Page russiaPage = openLiaison(russia, "russia-liaison");
            Locator russianConsents = russiaPage.getByTestId("consents");
            assertThat(russianConsents.locator("[data-party='NATO']")).containsText("extend by 24 months");
            String expiresBefore = russianConsents.getByTestId("expires-at").textContent();
            russianConsents.getByLabel("Extension months").fill("24");
            button(russianConsents, "Consent to extend").click();
            // the second consent extends the agreement at once, and the service clears both consents
            assertThat(russianConsents.getByTestId("consent-outcome")).containsText("extended by 24 months");
            assertThat(russianConsents.getByTestId("consent-outcome")).containsText("(was " + expiresBefore + ")");
            assertThat(russianConsents.getByTestId("expires-at")).not().hasText(expiresBefore);
            assertThat(russianConsents.locator("[data-party='NATO']")).containsText("not given");
            assertThat(russianConsents.locator("[data-party='RUSSIA']")).containsText("not given");
            assertThat(button(russianConsents, "Consent to extend")).isVisible(); // a further extension may follow

            Locator forRussia = russiaPage.getByTestId("amendments").locator("[data-amendment-title='" + title + "']");
            assertThat(forRussia).containsText("Proposed by NATO");
            button(forRussia, "Endorse").click();
            assertThat(forRussia.getByTestId("amendment-status")).hasText("ADOPTED");
            ConsoleBrowser.screenshot(russiaPage, "console-russia-liaison-amendments");

            natoPage.reload();
            assertThat(natoPage.getByTestId("amendments").locator("[data-amendment-title='" + title + "']")
                    .getByTestId("amendment-status")).hasText("ADOPTED");
        }
    }
}
