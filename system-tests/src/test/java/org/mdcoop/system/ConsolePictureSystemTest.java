package org.mdcoop.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;

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

    /** A track with an impact ellipse and its contributing sensors, at {@code t}, {@code lat}/{@code lon}. */
    private static String detailed(String id, String t, double lat, double lon) {
        return ("{\"trackId\":\"%s\",\"t\":\"%s\",\"latDeg\":%s,\"lonDeg\":%s,\"altitudeM\":150000,"
                + "\"speedMps\":2900,\"contributingParties\":[\"NATO\",\"RUSSIA\"],\"missileClass\":\"MRBM\","
                + "\"classConfidence\":0.9,\"launchLatDeg\":35.7,\"launchLonDeg\":51.4,\"impactLatDeg\":48.0,"
                + "\"impactLonDeg\":30.0,\"impactAt\":\"2026-12-03T12:10:00Z\",\"impactEllipseMajorM\":150000,"
                + "\"impactEllipseMinorM\":60000,\"impactEllipseBearingDeg\":45,\"exercise\":false,\"exerciseId\":null,"
                + "\"contributingSensors\":[\"NATO-EWR-1\",\"RU-EWR-7\"]}").formatted(id, t, lat, lon);
    }

    @Test
    void anEndedTrackFadesOutTheSelectedOneShowsWhoSawItAndTheSliderReplaysTheLastMinutes() {
        String a0 = detailed("L-2-1", "2026-12-03T11:57:00Z", 36.0, 50.0);
        String a1 = detailed("L-2-1", "2026-12-03T11:59:00Z", 38.0, 46.0);
        String a2 = detailed("L-2-1", "2026-12-03T12:00:00Z", 39.0, 44.0);
        String b = track("L-2-2", "2026-12-03T12:00:00Z", 55.0, 20.0, "SRBM", List.of("RUSSIA"), false);
        String gone = track("L-2-3", "2026-12-03T12:00:01Z", 45.0, 35.0, "SRBM", List.of("NATO"), false);
        String ended = "{\"trackId\":\"L-2-3\",\"stream\":\"live\",\"t\":\"2026-12-03T12:00:02Z\","
                + "\"reason\":\"DELETED\",\"lastUpdateNumber\":4,\"exercise\":false,\"exerciseId\":null}";
        try (BrowserContext context = chromium.newContext()) {
            // the first read of the picture still lists L-2-3, whichever comes first, it or the stream's end of it
            java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
            context.route("**/api/nato/fusion/picture", route -> fulfil(route, "application/json",
                    reads.getAndIncrement() == 0 ? PICTURE.replace("[%s,%s]", "[%s,%s,%s]").formatted(a2, b, gone)
                            : PICTURE.formatted(a2, b)));
            context.route("**/api/nato/fusion/sensors", route -> fulfil(route, "application/json",
                    "[{\"id\":\"NATO-EWR-1\",\"party\":\"NATO\",\"type\":\"EARLY_WARNING_RADAR\",\"latDeg\":54.0,"
                            + "\"lonDeg\":18.0,\"altM\":100,\"sigmaM\":60,\"revisitS\":1},"
                            + "{\"id\":\"RU-EWR-7\",\"party\":\"RUSSIA\",\"type\":\"EARLY_WARNING_RADAR\"}]"));
            // one stream, not reconnected (retry): the end of L-2-3 as fusion-service sends it
            context.route("**/api/nato/fusion/picture/stream", route -> fulfil(route, "text/event-stream",
                    "retry: 600000\n\n" + "event: fusion.track-ended\ndata: " + ended + "\n\n"));
            context.route("**/api/nato/fusion/tracks/**", route -> fulfil(route, "application/json",
                    route.request().url().contains("L-2-1") ? "{\"trackId\":\"L-2-1\",\"updates\":[" + a0 + "," + a1
                            + "," + a2 + "]}" : "{\"trackId\":\"L-2-2\",\"updates\":[]}"));
            Page page = ConsoleBrowser.logIn(context, "nato-analyst");
            Locator map = page.getByTestId("map");
            assertThat(map).hasAttribute("data-map-ready", "true");

            // the ended track is marked, fades, and leaves the table and the map
            assertThat(page.locator("[data-track-id='L-2-3'] .badge.ended")).hasText("ended");
            assertThat(page.locator("[data-track-id]")).hasCount(2);
            assertThat(map).hasAttribute("data-faded", "0");

            // the own party's sensor with its coverage (the Russian one comes without a position), impact ellipses
            assertThat(map).hasAttribute("data-sensors", "1");
            assertThat(map).hasAttribute("data-coverage", "1");
            assertThat(map).hasAttribute("data-ellipses", "1");

            page.locator("[data-track-id='L-2-1']").click();
            Locator details = page.getByTestId("track-details");
            assertThat(details.getByTestId("contributing-parties")).hasText("NATO, RUSSIA");
            assertThat(details.getByTestId("contributing-sensors")).hasText("NATO-EWR-1, RU-EWR-7");
            assertThat(details.getByTestId("launch-point")).hasText("35.700°N 051.400°E");
            assertThat(details.getByTestId("impact-ellipse")).hasText("150.0 km × 60.0 km, major axis 45°");
            ConsoleBrowser.screenshot(page, "console-nato-analyst-picture-details");

            // the slider: the five minutes before the newest update, from each track's history
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Replay the last 5 minutes")).click();
            Locator slider = page.getByLabel("Replay time");
            assertThat(page.getByTestId("replay-time")).hasText("2026-12-03 11:55:00Z");
            assertThat(page.locator("[data-track-id]")).hasCount(0); // nothing had begun yet
            slider.fill(Long.toString(java.time.Instant.parse("2026-12-03T11:57:20Z").toEpochMilli()));
            assertThat(page.getByTestId("replay-time")).hasText("2026-12-03 11:57:20Z");
            assertThat(page.locator("[data-track-id]")).hasCount(1); // L-2-2 has no history
            assertThat(page.locator("[data-track-id='L-2-1']")).containsText("36.000°N 050.000°E");
            slider.fill(Long.toString(java.time.Instant.parse("2026-12-03T11:59:10Z").toEpochMilli()));
            assertThat(page.locator("[data-track-id='L-2-1']")).containsText("38.000°N 046.000°E");
            ConsoleBrowser.screenshot(page, "console-nato-analyst-picture-replay");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Back to live")).click();
            assertThat(page.locator("[data-track-id='L-2-1']")).containsText("39.000°N 044.000°E");
            assertThat(page.locator("[data-track-id]")).hasCount(2);
        }
    }
}
