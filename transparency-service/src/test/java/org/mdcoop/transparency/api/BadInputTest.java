package org.mdcoop.transparency.api;

import static org.mdcoop.common.testing.BadInputContract.BadCase.get;
import static org.mdcoop.common.testing.BadInputContract.BadCase.post;
import static org.mdcoop.common.testing.BadInputContract.BadCase.put;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.mdcoop.common.domain.Party;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.BadInputContract;
import org.mdcoop.common.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Bad input against the transparency API: the shared cases plus disclosure content, test announcements, results and
 * assessments. TRANSPARENCY is in force throughout, so requests reach the field checks rather than stopping at 409.
 */
@QuarkusTest
class BadInputTest extends BadInputContract {

    private static final String DISCLOSURES = "/api/disclosures";
    private static final String TESTS = "/api/tests";
    private static final String ASSESSMENTS = "/api/assessments";
    private static final String SOME_ID = UUID.randomUUID().toString();

    /** A component of an inventory; the cases change one member at a time. */
    private static final String COMPONENT = "{\"type\":\"INTERCEPTOR_SITE\",\"designation\":\"Site N\",\"count\":24,"
            + "\"lat\":54.48,\"lon\":17.1,\"status\":\"OPERATIONAL\"}";
    private static final String ANNOUNCEMENT = "{\"windowStart\":\"2041-03-01T00:00:00Z\","
            + "\"windowEnd\":\"2041-03-02T00:00:00Z\",\"site\":{\"lat\":54.0,\"lon\":17.0},\"interceptorType\":\"Type A\","
            + "\"launchArea\":{\"shape\":\"CIRCLE\",\"centre\":{\"lat\":54.5,\"lon\":16.0},\"radiusKm\":20},"
            + "\"impactArea\":{\"shape\":\"CIRCLE\",\"centre\":{\"lat\":56.0,\"lon\":18.0},\"radiusKm\":50}}";
    private static final String ASSESSMENT = "{\"interceptor\":{\"site\":{\"lat\":50.0,\"lon\":10.0},"
            + "\"burnoutVelocityKmS\":3.0},\"trajectoryIds\":[\"ILL-1\"]}";

    @Inject
    DataSource dataSource;

    @Override
    protected void prepare() {
        AgreementFeed.ensureInForce();
    }

    @Override
    protected String writePath() {
        return DISCLOSURES;
    }

    @Override
    protected String validBody() {
        return disclosure("\"INVENTORY\"", "\"2041-H1\"", inventory(COMPONENT));
    }

    @Override
    protected String byIdPath() {
        return DISCLOSURES + "/{id}";
    }

    @Override
    protected String token() {
        return TestTokens.nato(Roles.TRANSPARENCY_OFFICER);
    }

    @Override
    protected Map<String, Long> dataSnapshot() {
        Map<String, Long> data = new LinkedHashMap<>();
        String nato = TestTokens.of(Party.NATO, Roles.TRANSPARENCY_OFFICER);
        String russia = TestTokens.of(Party.RUSSIA, Roles.TRANSPARENCY_OFFICER);
        listed(nato, DISCLOSURES, TESTS).forEach((k, v) -> data.put("nato:" + k, v));
        listed(russia, DISCLOSURES, TESTS).forEach((k, v) -> data.put("russia:" + k, v));
        data.putAll(rowCounts(dataSource, "disclosure", "interceptor_test", "outbox"));
        return data;
    }

    @Override
    protected Stream<BadCase> serviceCases() {
        String results = TESTS + "/" + SOME_ID + "/results";
        return Stream.of(
                post("kind not in the enum", DISCLOSURES, disclosure("\"NUCLEAR\"", "\"2041-H1\"", "{}"),
                        400, "validation", "kind"),
                post("kind in lower case", DISCLOSURES, disclosure("\"inventory\"", "\"2041-H1\"", "{}"),
                        400, "validation", "kind"),
                post("kind by its ordinal", DISCLOSURES, disclosure("0", "\"2041-H1\"", "{}"),
                        400, "validation", "kind"),
                post("round as a number", DISCLOSURES, disclosure("\"INVENTORY\"", "2041", inventory(COMPONENT)),
                        400, "validation", "round"),
                post("round H3", DISCLOSURES, disclosure("\"INVENTORY\"", "\"2041-H3\"", inventory(COMPONENT)),
                        400, "validation", "round"),
                post("content as a string", DISCLOSURES, disclosure("\"INVENTORY\"", "\"2041-H1\"", "\"all good\""),
                        400, "validation", "content"),
                post("latitude 91", DISCLOSURES, component("\"lat\":54.48", "\"lat\":91"),
                        400, "validation", "content.components[0].lat"),
                post("longitude -181", DISCLOSURES, component("\"lon\":17.1", "\"lon\":-181"),
                        400, "validation", "content.components[0].lon"),
                post("latitude as words", DISCLOSURES, component("\"lat\":54.48", "\"lat\":\"north\""),
                        400, "validation", "content.components[0].lat"),
                post("negative count", DISCLOSURES, component("\"count\":24", "\"count\":-1"),
                        400, "validation", "content.components[0].count"),
                post("count with a fraction", DISCLOSURES, component("\"count\":24", "\"count\":1.5"),
                        400, "validation", "content.components[0].count"),
                post("count beyond int", DISCLOSURES, component("\"count\":24", "\"count\":3000000000"),
                        400, "validation", "content.components[0].count"),
                post("component type not in the enum", DISCLOSURES,
                        component("\"type\":\"INTERCEPTOR_SITE\"", "\"type\":\"LASER\""),
                        400, "validation", "content.components[0].type"),
                post("designation over 120 characters", DISCLOSURES,
                        component("\"designation\":\"Site N\"", "\"designation\":\"" + text(121) + "\""),
                        400, "validation", "content.components[0].designation"),
                post("unknown field inside the content", DISCLOSURES,
                        component("\"status\":", "\"secret\":true,\"status\":"),
                        400, "validation", "content.components[0].secret"),
                put("revision date not a date", DISCLOSURES + "/" + SOME_ID,
                        "{\"content\":{},\"changeOccurredOn\":\"last week\"}", 400, "validation", "changeOccurredOn"),
                post("test site latitude 91", TESTS, announcement("\"site\":{\"lat\":54.0", "\"site\":{\"lat\":91"),
                        400, "validation", "site.lat"),
                post("test area shape not in the enum", TESTS,
                        announcement("\"shape\":\"CIRCLE\",\"centre\":{\"lat\":54.5",
                                "\"shape\":\"TRIANGLE\",\"centre\":{\"lat\":54.5"),
                        400, "validation", "launchArea.shape"),
                post("test area radius negative", TESTS, announcement("\"radiusKm\":20", "\"radiusKm\":-20"),
                        400, "validation", "launchArea.radiusKm"),
                post("test area radius over 5000 km", TESTS, announcement("\"radiusKm\":20", "\"radiusKm\":5001"),
                        400, "validation", "launchArea.radiusKm"),
                post("test window start not a timestamp", TESTS,
                        announcement("\"windowStart\":\"2041-03-01T00:00:00Z\"", "\"windowStart\":\"soon\""),
                        400, "validation", "windowStart"),
                post("test window over 31 days", TESTS,
                        announcement("\"windowEnd\":\"2041-03-02T00:00:00Z\"", "\"windowEnd\":\"2041-05-01T00:00:00Z\""),
                        400, "validation", "windowEnd"),
                post("interceptor type over 120 characters", TESTS,
                        announcement("\"interceptorType\":\"Type A\"", "\"interceptorType\":\"" + text(121) + "\""),
                        400, "validation", "interceptorType"),
                post("results with an altitude as words", results, "{\"interceptAltitudeKm\":\"high\"}",
                        400, "validation", "interceptAltitudeKm"),
                post("assessment site latitude 91", ASSESSMENTS, assessment("\"lat\":50.0", "\"lat\":91"),
                        400, "validation", "interceptor.site.lat"),
                post("assessment burnout velocity negative", ASSESSMENTS,
                        assessment("\"burnoutVelocityKmS\":3.0", "\"burnoutVelocityKmS\":-3"),
                        400, "validation", "interceptor.burnoutVelocityKmS"),
                post("assessment burnout velocity 1e308", ASSESSMENTS,
                        assessment("\"burnoutVelocityKmS\":3.0", "\"burnoutVelocityKmS\":1e308"),
                        400, "validation", "interceptor.burnoutVelocityKmS"),
                post("assessment time step of 0.1 microseconds", ASSESSMENTS,
                        assessment("\"trajectoryIds\"", "\"parameters\":{\"timeStepS\":1e-7},\"trajectoryIds\""),
                        400, "validation", "parameters.timeStepS"),
                post("assessment arc branch not in the enum", ASSESSMENTS,
                        assessment("\"trajectoryIds\"", "\"parameters\":{\"branch\":\"SIDEWAYS\"},\"trajectoryIds\""),
                        400, "validation", "parameters.branch"),
                get("list filter kind not in the enum", DISCLOSURES + "?kind=NUCLEAR", 400, "validation", "kind"),
                get("list filter round malformed", DISCLOSURES + "?round=soon", 400, "validation", "round"),
                get("test state not in the enum", TESTS + "?state=FINISHED", 400, "validation", "state"),
                get("compliance of a third party", "/api/compliance?party=CHINA", 400, "validation", "party"),
                get("comparison of a test id that is not a UUID", TESTS + "/not-a-uuid/comparison",
                        400, "invalid-parameter", null),
                // issue 19: each was a 500 (or stored what PostgreSQL cannot hold)
                post("decline reason given twice", TESTS + "/" + SOME_ID + "/decline",
                        "{\"reason\":\"a\",\"reason\":\"b\"}", 400, "duplicate-field", "reason"),
                post("cancel reason given twice", TESTS + "/" + SOME_ID + "/cancel",
                        "{\"reason\":\"a\",\"reason\":\"b\"}", 400, "duplicate-field", "reason"),
                post("accepted observers given twice", TESTS + "/" + SOME_ID + "/accept",
                        "{\"observers\":[\"a\"],\"observers\":[\"b\"]}", 400, "duplicate-field", "observers"),
                post("a member given twice inside the content", DISCLOSURES,
                        component("\"count\":24", "\"count\":24,\"count\":25"),
                        400, "duplicate-field", "content.components[0].count"),
                post("designation with U+0000", DISCLOSURES,
                        component("\"designation\":\"Site N\"", "\"designation\":\"Site\\u0000N\""),
                        400, "validation", "content.components[0].designation"),
                post("designation with a lone surrogate", DISCLOSURES,
                        component("\"designation\":\"Site N\"", "\"designation\":\"\\ud800\""),
                        400, "validation", "content.components[0].designation"),
                put("revision date in the year 10000", DISCLOSURES + "/" + SOME_ID,
                        "{\"content\":{},\"changeOccurredOn\":\"+10000-01-01\"}", 400, "validation",
                        "changeOccurredOn"),
                put("revision date LocalDate.MIN", DISCLOSURES + "/" + SOME_ID,
                        "{\"content\":{},\"changeOccurredOn\":\"-999999999-01-01\"}", 400, "validation",
                        "changeOccurredOn"),
                post("test window start in the year 10000", TESTS,
                        announcement("\"windowStart\":\"2041-03-01T00:00:00Z\",\"windowEnd\":\"2041-03-02T00:00:00Z\"",
                                "\"windowStart\":\"+10000-03-01T00:00:00Z\",\"windowEnd\":\"+10000-03-02T00:00:00Z\""),
                        400, "validation", "windowStart"),
                post("test window near Instant.MAX", TESTS,
                        announcement("\"windowStart\":\"2041-03-01T00:00:00Z\",\"windowEnd\":\"2041-03-02T00:00:00Z\"",
                                "\"windowStart\":\"+1000000000-12-30T00:00:00Z\","
                                        + "\"windowEnd\":\"+1000000000-12-31T00:00:00Z\""),
                        400, "validation", "windowStart"),
                post("interceptor type with U+0000", TESTS,
                        announcement("\"interceptorType\":\"Type A\"", "\"interceptorType\":\"\\u0000\""),
                        400, "validation", "interceptorType"),
                post("assessment of a lofted arc near escape speed at 10 ms steps", ASSESSMENTS,
                        assessment("\"trajectoryIds\":[\"ILL-1\"]", "\"parameters\":{\"timeStepS\":0.01,"
                                + "\"branch\":\"LOFTED\"},\"trajectories\":[{\"id\":\"L\",\"name\":\"lofted\","
                                + "\"launch\":{\"lat\":0,\"lon\":0},\"target\":{\"lat\":0,\"lon\":70},"
                                + "\"burnoutSpeedKmS\":10.99}]"),
                        400, "validation", "trajectories[0]"),
                get("disclosure id with U+0000", DISCLOSURES + "/X%00", 400, null, null),
                get("list filter round with U+0000", DISCLOSURES + "?round=2041-H1%00", 400, "validation", "round"));
    }

    private static String disclosure(String kind, String round, String content) {
        return "{\"kind\":" + kind + ",\"round\":" + round + ",\"content\":" + content + "}";
    }

    private static String inventory(String component) {
        return "{\"components\":[" + component + "]}";
    }

    /** The valid inventory disclosure with one member of its component replaced. */
    private static String component(String member, String replacement) {
        return disclosure("\"INVENTORY\"", "\"2041-H1\"", inventory(replace(COMPONENT, member, replacement)));
    }

    private static String announcement(String member, String replacement) {
        return replace(ANNOUNCEMENT, member, replacement);
    }

    private static String assessment(String member, String replacement) {
        return replace(ASSESSMENT, member, replacement);
    }

    private static String replace(String json, String member, String replacement) {
        if (!json.contains(member)) {
            throw new IllegalArgumentException(member + " is not in " + json);
        }
        return json.replaceFirst(java.util.regex.Pattern.quote(member),
                java.util.regex.Matcher.quoteReplacement(replacement));
    }
}
