package org.mdcoop.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mdcoop.system.Stack.as;
import static org.mdcoop.system.Stack.url;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.restassured.path.json.JsonPath;

/**
 * Both parties' transparency officers in the console against the running stack, with an agreement in force: NATO's
 * officer drafts an inventory (the service's field error shown beside the field), edits and releases it; Russia's
 * officer never sees the draft, sees the released one only after releasing the same kind, and accepts an
 * interceptor test to observe it, records an observation and compares it with NATO's declared results. NATO's
 * officer also drafts, edits and releases an interceptor performance disclosure in its own form.
 */
class ConsoleTransparencySystemTest {

    private static ConsoleBrowser chromium;
    private static final String ROUND = (2100 + ThreadLocalRandom.current().nextInt(899)) + "-H"
            + (1 + ThreadLocalRandom.current().nextInt(2));

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

    private static Page openTransparency(BrowserContext context, String user) {
        Page page = ConsoleBrowser.logIn(context, user);
        Locator menu = page.getByRole(AriaRole.NAVIGATION);
        assertThat(menu).containsText("Transparency");
        assertThat(menu).not().containsText("Picture");
        assertThat(menu).not().containsText("Exercises");
        assertThat(menu).not().containsText("Liaison");
        menu.getByText("Transparency").click();
        assertThat(page.getByTestId("own-disclosures")).isVisible();
        return page;
    }

    /** Fills the new-inventory form's first component and saves it. */
    private static void draftInventory(Page page, String designation, String count, String lat) {
        page.getByText("New inventory disclosure").click();
        Locator form = page.getByTestId("disclosure-form");
        form.getByLabel("Round").fill(ROUND);
        form.getByLabel("Designation 1").fill(designation);
        form.getByLabel("Count 1").fill(count);
        form.getByLabel("Latitude 1").fill(lat);
        form.getByLabel("Longitude 1").fill("17.1");
        form.getByText("Save draft").click();
    }

    private static Locator row(Page page, String section, String designation) {
        return page.getByTestId(section).locator("tr[data-disclosure-id]").filter(
                new Locator.FilterOptions().setHasText(designation));
    }

    @Test
    void officersDraftReleaseAndReadEachOthersInventoryButNeverADraft() {
        String natoSite = "Site " + ROUND;
        String russianSite = "Voronezh " + ROUND;
        try (BrowserContext nato = chromium.newContext(); BrowserContext russia = chromium.newContext()) {
            Page natoPage = openTransparency(nato, "nato-transparency-officer");

            // the service's validation error is shown beside the field it names
            draftInventory(natoPage, natoSite, "24", "95");
            Locator latError = natoPage.locator("[data-field='content.components[0].lat']");
            assertThat(latError).isVisible();
            assertThat(latError).containsText("90");
            ConsoleBrowser.screenshot(natoPage, "console-nato-transparency-field-error");
            Locator form = natoPage.getByTestId("disclosure-form");
            form.getByLabel("Latitude 1").fill("54.48");
            form.getByText("Save draft").click();
            Locator draft = row(natoPage, "own-disclosures", natoSite);
            assertThat(draft).containsText("DRAFT");
            String draftId = draft.getAttribute("data-disclosure-id");

            // Russia's officer sees no NATO draft: not on the screen, not through the relay
            Page russiaPage = openTransparency(russia, "russia-transparency-officer");
            assertThat(russiaPage.getByTestId("other-disclosures")).isVisible();
            assertThat(russiaPage.locator("[data-disclosure-id='" + draftId + "']")).hasCount(0);
            assertThat(russiaPage.getByText(natoSite)).hasCount(0);
            assertThat(russia.request().get(ConsoleBrowser.CONSOLE + "/api/russia/transparency/disclosures/" + draftId)
                    .status()).isEqualTo(404);
            assertThat(russia.request().get(ConsoleBrowser.CONSOLE + "/api/russia/transparency/disclosures").text())
                    .doesNotContain(draftId).doesNotContain(natoSite);

            // NATO edits the draft, then releases it
            draft.getByText("Edit").click();
            natoPage.getByTestId("disclosure-form").getByLabel("Count 1").fill("30");
            natoPage.getByTestId("disclosure-form").getByText("Save draft").click();
            assertThat(draft).containsText(natoSite + " (30)");
            draft.getByText("Release").click();
            assertThat(draft).containsText("SUBMITTED");

            // released, but Russia reads it only once it has released the same kind itself (reciprocity)
            russiaPage.reload();
            assertThat(russiaPage.getByTestId("other-disclosures")).isVisible();
            assertThat(russiaPage.locator("[data-disclosure-id='" + draftId + "']")).hasCount(0);
            draftInventory(russiaPage, russianSite, "1", "55.0");
            Locator russian = row(russiaPage, "own-disclosures", russianSite);
            russian.getByText("Release").click();
            assertThat(russian).containsText("SUBMITTED");
            russiaPage.reload();
            Locator natosForRussia = row(russiaPage, "other-disclosures", natoSite);
            assertThat(natosForRussia).containsText("SUBMITTED");
            assertThat(natosForRussia).containsText(natoSite + " (30)");
            assertThat(natosForRussia.getByRole(AriaRole.BUTTON)).hasCount(0);
            ConsoleBrowser.screenshot(russiaPage, "console-russia-transparency-disclosures");

            natoPage.reload();
            assertThat(row(natoPage, "other-disclosures", russianSite)).containsText("SUBMITTED");
            assertThat(row(natoPage, "own-disclosures", russianSite)).hasCount(0);
        }
    }

    /** What transparency-service stored for disclosure {@code id}, read by NATO's officer. */
    private static JsonPath stored(String id) {
        return as("nato-transparency-officer").get(url("transparency", "/api/disclosures/" + id)).then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void theOfficerDraftsEditsAndReleasesAnInterceptorPerformanceDisclosure() {
        String type = "SM-3 Block IIA " + ROUND;
        try (BrowserContext nato = chromium.newContext()) {
            Page page = openTransparency(nato, "nato-transparency-officer");
            page.getByText("New interceptor performance disclosure").click();
            Locator form = page.getByTestId("disclosure-form");
            assertThat(form).containsText("New interceptor performance disclosure");
            form.getByLabel("Round").fill(ROUND);
            form.getByLabel("Interceptor type 1").fill(type);
            form.getByLabel("Max range (km) 1").fill("2500");
            form.getByLabel("Max altitude (km) 1").fill("1050");
            form.getByLabel("Burnout velocity (km/s) 1").fill("15");
            form.getByText("Save draft").click();

            // refused: the service's message shows beside the burnout velocity, in the same label as its input
            Locator error = form.locator("label:has([aria-label='Burnout velocity (km/s) 1'])")
                    .locator("[data-field='content.interceptors[0].burnoutVelocityKmS']");
            assertThat(error).isVisible();
            assertThat(error).containsText("at most 12");
            assertThat(form.locator(".field-error")).hasCount(1);
            assertThat(row(page, "own-disclosures", type)).hasCount(0);
            ConsoleBrowser.screenshot(page, "console-nato-transparency-performance-field-error");

            form.getByLabel("Burnout velocity (km/s) 1").fill("4.5");
            form.getByText("Save draft").click();
            assertThat(form).hasCount(0);
            Locator draft = row(page, "own-disclosures", type);
            assertThat(draft).containsText("INTERCEPTOR_PERFORMANCE");
            assertThat(draft).containsText("DRAFT");
            assertThat(draft).containsText(type + " (2500 km)");
            String id = draft.getAttribute("data-disclosure-id");
            JsonPath saved = stored(id);
            assertThat(saved.getString("kind")).isEqualTo("INTERCEPTOR_PERFORMANCE");
            assertThat(saved.getString("round")).isEqualTo(ROUND);
            assertThat(saved.getString("status")).isEqualTo("DRAFT");
            assertThat(saved.getList("content.interceptors")).hasSize(1);
            assertThat(saved.getString("content.interceptors[0].interceptorType")).isEqualTo(type);
            assertThat(saved.getDouble("content.interceptors[0].maxRangeKm")).isEqualTo(2500.0);
            assertThat(saved.getDouble("content.interceptors[0].maxAltitudeKm")).isEqualTo(1050.0);
            assertThat(saved.getDouble("content.interceptors[0].burnoutVelocityKmS")).isEqualTo(4.5);

            // editing the draft fills its form from what was saved
            draft.getByText("Edit").click();
            form = page.getByTestId("disclosure-form");
            assertThat(form).containsText("Edit draft — interceptor performance " + ROUND + ", version 1");
            assertThat(form.getByLabel("Round")).isDisabled();
            assertThat(form.getByLabel("Interceptor type 1")).hasValue(type);
            assertThat(form.getByLabel("Max range (km) 1")).hasValue("2500");
            assertThat(form.getByLabel("Burnout velocity (km/s) 1")).hasValue("4.5");
            form.getByLabel("Max altitude (km) 1").fill("1200");
            form.getByText("Save draft").click();
            assertThat(form).hasCount(0);
            assertThat(draft).containsText("DRAFT");
            assertThat(stored(id).getDouble("content.interceptors[0].maxAltitudeKm")).isEqualTo(1200.0);

            draft.getByText("Release").click();
            assertThat(draft).containsText("SUBMITTED");
            assertThat(draft.getByText("Edit")).hasCount(0);
            assertThat(draft.getByText("Release")).hasCount(0);
            JsonPath released = stored(id);
            assertThat(released.getString("status")).isEqualTo("SUBMITTED");
            assertThat(released.getString("submittedAt")).isNotNull();
            assertThat(released.getInt("version")).isEqualTo(1);
            assertThat(released.getDouble("content.interceptors[0].maxAltitudeKm")).isEqualTo(1200.0);
            assertThat(released.getDouble("content.interceptors[0].burnoutVelocityKmS")).isEqualTo(4.5);
            ConsoleBrowser.screenshot(page, "console-nato-transparency-performance-released");
        }
    }

    @Test
    void theHostAnnouncesAnInterceptorTestTheGuestAcceptsAndObservesAndComparesWithTheHostsResults() {
        Instant now = Stack.serviceNow("transparency");
        String type = "SM-3 " + ROUND;
        try (BrowserContext nato = chromium.newContext(); BrowserContext russia = chromium.newContext()) {
            // NATO's officer announces in the console; a window in the past is refused beside the field
            Page natoPage = openTransparency(nato, "nato-transparency-officer");
            Locator form = natoPage.getByTestId("announce-test");
            form.getByLabel("Window start (UTC)").fill(now.minus(Duration.ofHours(1)).toString());
            form.getByLabel("Window end (UTC)").fill(now.plus(Duration.ofHours(2)).toString());
            form.getByLabel("Interceptor type").fill(type);
            form.getByLabel("Site latitude").fill("54.48");
            form.getByLabel("Site longitude").fill("17.1");
            form.getByLabel("Launch area latitude").fill("54.5");
            form.getByLabel("Launch area longitude").fill("17.0");
            form.getByLabel("Impact area latitude").fill("56");
            form.getByLabel("Impact area longitude").fill("18");
            form.getByText("Announce the test").click();
            assertThat(form.locator("[data-field='windowStart']")).hasText("must be in the future");
            form.getByLabel("Window start (UTC)").fill(now.plus(Duration.ofHours(1)).toString());
            form.getByText("Announce the test").click();
            Locator hosted = natoPage.locator("[data-test-id]", new Page.LocatorOptions().setHasText("NATO → RUSSIA: " + type));
            assertThat(hosted).containsText("ANNOUNCED");
            assertThat(hosted).containsText("You are the host");
            assertThat(form.getByLabel("Interceptor type")).hasValue(""); // the form is cleared for the next one
            String test = hosted.getAttribute("data-test-id");

            Page russiaPage = openTransparency(russia, "russia-transparency-officer");
            Locator notice = russiaPage.locator("[data-test-id='" + test + "']");
            assertThat(notice).containsText("NATO → RUSSIA: " + type);
            assertThat(notice).containsText("ANNOUNCED");
            assertThat(notice).containsText("You are the guest");
            notice.getByLabel("Observers").fill("Obs A");
            notice.getByText("Accept to observe").click();
            assertThat(notice).containsText("ACCEPTED");
            assertThat(notice).containsText("Observers: Obs A");
            assertThat(notice.getByText("Accept to observe")).hasCount(0);

            // the host sees the acceptance and has no guest action
            natoPage.reload();
            hosted = natoPage.locator("[data-test-id='" + test + "']");
            assertThat(hosted).containsText("ACCEPTED");
            assertThat(hosted.getByText("Record observation")).hasCount(0);

            // after the window the host declares its results in the console, the guest's observer records its own
            as("nato-liaison").body("{\"seconds\":" + Duration.ofHours(3).toSeconds() + "}")
                    .post(url("transparency", "/api/clock/advance")).then().statusCode(200);
            natoPage.reload();
            hosted.getByLabel("interceptAltitudeKm").fill("250");
            hosted.getByLabel("burnoutVelocityKmS").fill("4.5");
            hosted.getByText("Record results").click();
            assertThat(hosted.getByText("Record results")).hasCount(0);
            assertThat(hosted).containsText("RESULTS");
            ConsoleBrowser.screenshot(natoPage, "console-nato-transparency-test-host");

            russiaPage.reload();
            notice.getByLabel("Observer", new Locator.GetByLabelOptions().setExact(true)).fill("Obs A");
            notice.getByLabel("interceptAltitudeKm").fill("300");
            notice.getByLabel("burnoutVelocityKmS").fill("4.52");
            notice.getByText("Record observation").click();
            assertThat(notice).containsText("Observations by: Obs A");
            notice.getByText("Declared vs observed").click();
            Locator comparison = notice.getByTestId("comparison");
            assertThat(comparison).containsText("INTERCEPT_ALTITUDE_KM");
            assertThat(comparison).containsText("DISCREPANCY");
            assertThat(comparison).containsText("CONSISTENT");
            ConsoleBrowser.screenshot(russiaPage, "console-russia-transparency-test");
        }
    }
}
