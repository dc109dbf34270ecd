package org.mdcoop.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;

/**
 * How the picture page draws track messages, in the real browser after a real login. The shared stack's fusion
 * centre may have no agreement in force (and this test must not make one), so the browser is given known track
 * messages in place of fusion-service's answers: two tracks in {@code GET /api/<party>/fusion/picture}, then a
 * live update of one and a new track on the stream. That the console really relays the picture and its stream
 * with the user's token is shown by {@link ConsoleBrowserSystemTest}.
 */
class ConsolePictureSystemTest {

    private static final String PICTURE = """
            {"centreOpen":true,"agreementId":"7b0c1f7e-1d52-4c3e-9a71-1f0e5a9b2c11","count":2,"tracks":[%s,%s]}""";

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

    private static String track(String id, String t, double lat, double lon, String missileClass, List<String> parties,
            boolean exercise) {
        String exerciseId = exercise ? "\"1a2b3c4d-0000-4000-8000-000000000001\"" : "null";
        return ("{\"trackId\":\"%s\",\"t\":\"%s\",\"latDeg\":%s,\"lonDeg\":%s,\"altitudeM\":180000,\"speedMps\":3100,"
                + "\"contributingParties\":[%s],\"missileClass\":\"%s\",\"classConfidence\":0.8,"
                + "\"launchLatDeg\":35.7,\"launchLonDeg\":51.4,\"impactLatDeg\":%s,\"impactLonDeg\":%s,"
                + "\"impactAt\":\"2026-12-03T12:10:00Z\",\"exercise\":%s,\"exerciseId\":%s}")
                .formatted(id, t, lat, lon, String.join(",", parties.stream().map(p -> "\"" + p + "\"").toList()),
                        missileClass, lat + 6, lon - 14, exercise, exerciseId);
    }

    private static void serveKnownTracks(BrowserContext context, String tenant) {
        String live = track("L-1-4", "2026-12-03T12:00:00Z", 38.0, 45.0, "MRBM", List.of("NATO", "RUSSIA"), false);
        String drill = track("X1a2b3c4d-1-7", "2026-12-03T12:00:00Z", 55.5, 19.0, "SRBM", List.of("RUSSIA"), true);
        String moved = track("L-1-4", "2026-12-03T12:00:05Z", 39.5, 42.0, "MRBM", List.of("NATO", "RUSSIA"), false);
        String fresh = track("L-1-9", "2026-12-03T12:00:05Z", 47.0, 36.0, "IRBM", List.of("NATO"), false);
        context.route("**/api/" + tenant + "/fusion/picture", route -> fulfil(route, "application/json",
                PICTURE.formatted(live, drill)));
        context.route("**/api/" + tenant + "/fusion/picture/stream", route -> fulfil(route, "text/event-stream",
                "data: " + moved + "\n\n" + "data: " + fresh + "\n\n"));
    }

    private static void fulfil(Route route, String type, String body) {
        route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType(type).setBody(body));
    }

    @ParameterizedTest(name = "{0}: tracks from the picture and the stream in the table and on the map")
    @ValueSource(strings = { "nato-analyst", "russia-analyst" })
    void thePictureShowsTracksFromThePictureAndTheLiveStream(String user) {
        String tenant = user.substring(0, user.indexOf('-'));
        try (BrowserContext context = chromium.newContext()) {
            serveKnownTracks(context, tenant);
            Page page = ConsoleBrowser.logIn(context, user);
            assertThat(page.getByTestId("banner-party")).hasText(tenant.toUpperCase(Locale.ROOT));
            assertThat(page.getByTestId("map")).hasAttribute("data-map-ready", "true");

            // two tracks from the picture, a third from the stream; the stream moved L-1-4
            assertThat(page.locator("[data-track-id]")).hasCount(3);
            assertThat(page.locator("[data-track-id='L-1-4']")).containsText("39.500°N 042.000°E");
            assertThat(page.locator("[data-track-id='L-1-4']")).containsText("NATO + RUSSIA");
            assertThat(page.locator("[data-track-id='X1a2b3c4d-1-7'] .badge.exercise")).hasText("exercise");
            assertThat(page.locator("[data-track-id='L-1-4'] .badge")).hasCount(0);
            assertThat(page.getByTestId("centre-state")).hasText("Fusion centre open");

            // the UTC/coordinate bar: the time in UTC, and the position under the pointer
            assertThat(page.getByTestId("utc-bar")).hasText(Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ.*"));
            page.getByTestId("map").hover();
            assertThat(page.getByTestId("utc-bar")).containsText("°N");

            page.locator("[data-track-id='L-1-9']").click();
            assertThat(page.locator("[data-track-id='L-1-9']")).hasClass("selected");
            ConsoleBrowser.screenshot(page, "console-" + tenant + "-analyst-picture-tracks");

            page.getByLabel("Stream").selectOption("exercise");
            assertThat(page.locator("[data-track-id]")).hasCount(1);
            page.getByLabel("Stream").selectOption("all");
            page.getByLabel("Class").selectOption("IRBM");
            assertThat(page.locator("[data-track-id]")).hasCount(1);
            page.getByLabel("Class").selectOption("");
            page.getByLabel("Seen by").selectOption("RUSSIA");
            assertThat(page.locator("[data-track-id]")).hasCount(2);
        }
    }
}
