package org.mdcoop.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * Both parties' exercise planners in the console against the running stack, with an agreement in force: NATO's
 * planner proposes an exercise, only Russia's planner is offered the approval, NATO starts and ends it, and both
 * approve the after-action report, which is final after the second approval.
 */
class ConsoleExerciseSystemTest {

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);
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

    private static Page openExercises(BrowserContext context, String user) {
        Page page = ConsoleBrowser.logIn(context, user);
        Locator menu = page.getByRole(AriaRole.NAVIGATION);
        assertThat(menu).containsText("Exercises");
        assertThat(menu).not().containsText("Transparency");
        assertThat(menu).not().containsText("Picture");
        menu.getByText("Exercises").click();
        assertThat(page.getByTestId("exercises")).isVisible();
        return page;
    }

    private static Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void natoProposesRussiaApprovesNatoRunsItAndBothApproveTheReport() {
        // the window opens on the exercise-service's own clock (it may be ahead of the wall clock after other tests)
        Instant start = Stack.serviceNow("exercise").plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MINUTES);
        String name = "Console drill " + start.getEpochSecond();
        try (BrowserContext nato = chromium.newContext(); BrowserContext russia = chromium.newContext()) {
            Page natoPage = openExercises(nato, "nato-exercise-planner");
            Locator form = natoPage.getByTestId("propose-exercise");
            // the service names the field at fault next to it
            form.getByLabel("Name").fill(name);
            form.getByLabel("Start (UTC)").fill(INPUT.format(start));
            form.getByLabel("Minutes").fill("20");
            form.getByLabel("Missile class").fill("ICBM"); // a 600 km flight is no ICBM
            button(form, "Propose").click();
            assertThat(form.locator("[data-field='injects[0].missileClass']")).isVisible();
            form.getByLabel("Missile class").fill("SRBM");
            button(form, "Propose").click();

            Locator proposed = natoPage.locator("[data-exercise-name='" + name + "']");
            assertThat(proposed.getByTestId("exercise-phase")).hasText("scheduled");
            assertThat(proposed.getByTestId("exercise-status")).hasText("proposed: awaiting RUSSIA's approval");
            assertThat(button(proposed, "Approve")).hasCount(0);
            assertThat(button(proposed, "Start")).hasCount(0);

            Page russiaPage = openExercises(russia, "russia-exercise-planner");
            Locator forRussia = russiaPage.locator("[data-exercise-name='" + name + "']");
            assertThat(forRussia.getByTestId("exercise-status")).hasText("proposed by the other party: awaiting your approval");
            ConsoleBrowser.screenshot(russiaPage, "console-russia-exercise-approval");
            button(forRussia, "Approve").click();
            assertThat(forRussia.getByTestId("exercise-status")).containsText("approved by RUSSIA");
            assertThat(button(forRussia, "Start")).hasCount(0);

            natoPage.reload();
            button(proposed, "Start").click();
            assertThat(proposed.getByTestId("exercise-phase")).hasText("running");
            ConsoleBrowser.screenshot(natoPage, "console-nato-exercise-running");
            button(proposed, "End").click();
            assertThat(proposed.getByTestId("exercise-phase")).hasText("ended");

            button(proposed, "Report").click();
            Locator report = natoPage.getByTestId("after-action-report");
            assertThat(report.getByTestId("report-status")).containsText("DRAFT");
            assertThat(report.getByTestId("report-approvals")).hasText("nobody yet");
            button(report, "Approve the report").click();
            assertThat(report.getByTestId("report-approvals")).hasText("NATO");
            assertThat(button(report, "Approve the report")).hasCount(0);

            russiaPage.reload();
            button(forRussia, "Report").click();
            Locator russianReport = russiaPage.getByTestId("after-action-report");
            assertThat(russianReport.getByTestId("report-approvals")).hasText("NATO");
            button(russianReport, "Approve the report").click();
            assertThat(russianReport.getByTestId("report-status")).containsText("FINAL");
            assertThat(russianReport.getByTestId("report-approvals")).hasText("NATO, RUSSIA");
            ConsoleBrowser.screenshot(russiaPage, "console-russia-exercise-report");
        }
    }
}
