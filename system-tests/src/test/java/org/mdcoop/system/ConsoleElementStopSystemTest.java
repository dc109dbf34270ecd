package org.mdcoop.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * Issue 16 in the console, against the running stack: Russia's liaison stops the joint exercises alone (confirmed in
 * a dialog), NATO's liaison sees them stopped and the other elements running, proposes an ADD_ELEMENT amendment in
 * the typed form, and Russia's endorsement adopts it: the amendment says what it changed and the element runs again.
 */
class ConsoleElementStopSystemTest {

    private static ConsoleBrowser chromium;
    private static String agreementId;

    @BeforeAll
    static void agreementInForce() {
        agreementId = ConsoleAgreement.inForce();
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
        assertThat(page.getByTestId("elements")).isVisible();
        return page;
    }

    /** The elements exercise-service's view has for the agreement, as it lists them (empty when it does not know it). */
    private static String elementsAtExerciseService() {
        List<Map<String, Object>> view = Stack.as("nato-analyst").get(Stack.url("exercise", "/api/cooperation"))
                .then().statusCode(200).extract().path("$");
        return view.stream().filter(row -> agreementId.equals(row.get("agreementId")))
                .map(row -> String.valueOf(row.get("elements"))).findFirst().orElse("");
    }

    private static Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void russiaStopsTheExercisesAloneAndBothReopenThemByAnAmendment() {
        String title = "Exercises again " + System.nanoTime();
        try (BrowserContext russia = chromium.newContext(); BrowserContext nato = chromium.newContext()) {
            Page russiaPage = openLiaison(russia, "russia-liaison");
            Locator elements = russiaPage.getByTestId("elements");
            button(elements.locator("[data-element='JOINT_EXERCISES']"), "Stop").click();
            Locator confirm = russiaPage.getByRole(AriaRole.DIALOG,
                    new Page.GetByRoleOptions().setName("Confirm the stop"));
            assertThat(confirm).containsText("Re-opening it needs the other party's endorsement");
            button(confirm, "Confirm").click();
            assertThat(elements.locator("[data-element='JOINT_EXERCISES']")).containsText("stopped");
            assertThat(elements.locator("[data-element='TRANSPARENCY']")).containsText("running");
            // exercise-service closed the element, the agreement stays in force for the others
            await("exercise-service closes the element").atMost(Duration.ofSeconds(15))
                    .until(() -> !elementsAtExerciseService().contains("JOINT_EXERCISES")
                            && elementsAtExerciseService().contains("TRANSPARENCY"));

            Page natoPage = openLiaison(nato, "nato-liaison");
            assertThat(natoPage.getByTestId("elements").locator("[data-element='JOINT_EXERCISES']"))
                    .containsText("stopped");
            Locator amendments = natoPage.getByTestId("amendments");
            amendments.getByLabel("Amendment title").fill(title);
            amendments.getByLabel("Amendment text").fill("Resume the joint exercises.");
            amendments.getByLabel("Amendment type").selectOption("ADD_ELEMENT");
            amendments.getByLabel("Amendment element").selectOption("JOINT_EXERCISES");
            amendments.getByText("Propose the amendment").click();
            Locator proposed = amendments.locator("[data-amendment-title='" + title + "']");
            assertThat(proposed.getByTestId("amendment-status")).hasText("PROPOSED");
            assertThat(proposed.getByTestId("amendment-type")).containsText("JOINT_EXERCISES");

            russiaPage.reload();
            Locator forRussia = russiaPage.getByTestId("amendments").locator("[data-amendment-title='" + title + "']");
            button(forRussia, "Endorse").click();
            assertThat(forRussia.getByTestId("amendment-status")).hasText("ADOPTED");
            assertThat(forRussia.getByTestId("amendment-effect")).containsText("JOINT_EXERCISES opened");
            ConsoleBrowser.screenshot(russiaPage, "console-russia-liaison-element-reopened");

            natoPage.reload();
            assertThat(natoPage.getByTestId("elements").locator("[data-element='JOINT_EXERCISES']"))
                    .containsText("running");
        }
    }
}
