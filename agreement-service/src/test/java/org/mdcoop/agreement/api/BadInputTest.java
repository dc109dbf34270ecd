package org.mdcoop.agreement.api;

import static org.mdcoop.common.testing.BadInputContract.BadCase.get;
import static org.mdcoop.common.testing.BadInputContract.BadCase.post;
import static org.mdcoop.common.testing.BadInputContract.BadCase.put;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.BadInputContract;
import org.mdcoop.common.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

/** Bad input against the agreement API: the shared cases plus the agreement's own fields and limits. */
@QuarkusTest
class BadInputTest extends BadInputContract {

    private static final String AGREEMENTS = "/api/agreements";
    /** An agreement id that exists nowhere: field checks come before the lookup. */
    private static final String SOME_ID = UUID.randomUUID().toString();

    @Inject
    DataSource dataSource;

    @Override
    protected String writePath() {
        return AGREEMENTS;
    }

    @Override
    protected String validBody() {
        return "{\"elements\":[\"TRANSPARENCY\",\"JOINT_EXERCISES\"],\"termMonths\":48,\"reservation\":\"none\"}";
    }

    @Override
    protected String byIdPath() {
        return AGREEMENTS + "/{id}";
    }

    @Override
    protected String token() {
        return TestTokens.nato(Roles.LIAISON);
    }

    @Override
    protected Map<String, Long> dataSnapshot() {
        Map<String, Long> data = new LinkedHashMap<>();
        // each party lists its own drafts and every submitted agreement
        data.putAll(prefixed("nato", listed(TestTokens.nato(Roles.LIAISON), AGREEMENTS)));
        data.putAll(prefixed("russia", listed(TestTokens.russia(Roles.LIAISON), AGREEMENTS)));
        data.putAll(rowCounts(dataSource, "agreement", "amendment", "audit_entry", "outbox"));
        return data;
    }

    @Override
    protected Stream<BadCase> serviceCases() {
        String consent = AGREEMENTS + "/" + SOME_ID + "/extension-consent";
        String amendments = AGREEMENTS + "/" + SOME_ID + "/amendments";
        return Stream.of(
                post("elements as a string, not an array", AGREEMENTS, "{\"elements\":\"TRANSPARENCY\"}",
                        400, "validation", "elements"),
                post("element not in the enum", AGREEMENTS, "{\"elements\":[\"NUCLEAR_SHARING\"]}",
                        400, "validation", "elements[0]"),
                post("element given by its ordinal", AGREEMENTS, "{\"elements\":[0]}",
                        400, "validation", "elements[0]"),
                post("element in lower case", AGREEMENTS, "{\"elements\":[\"transparency\"]}",
                        400, "validation", "elements[0]"),
                post("no elements", AGREEMENTS, "{\"elements\":[]}", 400, "validation", "elements"),
                post("a null element", AGREEMENTS, "{\"elements\":[null]}", 400, "validation", "elements[]"),
                post("termMonths as words", AGREEMENTS, draft("\"termMonths\":\"forty\""),
                        400, "validation", "termMonths"),
                post("termMonths as a numeric string", AGREEMENTS, draft("\"termMonths\":\"48\""),
                        400, "validation", "termMonths"),
                post("termMonths with a fraction", AGREEMENTS, draft("\"termMonths\":4.5"),
                        400, "validation", "termMonths"),
                post("termMonths 0", AGREEMENTS, draft("\"termMonths\":0"), 400, "validation", "termMonths"),
                post("termMonths 121 (over ten years)", AGREEMENTS, draft("\"termMonths\":121"),
                        400, "validation", "termMonths"),
                post("termMonths negative", AGREEMENTS, draft("\"termMonths\":-1"), 400, "validation", "termMonths"),
                post("termMonths beyond int", AGREEMENTS, draft("\"termMonths\":99999999999"),
                        400, "validation", "termMonths"),
                post("termMonths beyond double", AGREEMENTS, draft("\"termMonths\":1e400"),
                        400, "validation", "termMonths"),
                post("termMonths true", AGREEMENTS, draft("\"termMonths\":true"), 400, "validation", "termMonths"),
                post("effectiveAt not a timestamp", AGREEMENTS, draft("\"effectiveAt\":\"next spring\""),
                        400, "validation", "effectiveAt"),
                post("reservation over 4000 characters", AGREEMENTS, draft("\"reservation\":\"" + text(4001) + "\""),
                        400, "validation", "reservation"),
                post("reservation as an object", AGREEMENTS, draft("\"reservation\":{\"text\":\"x\"}"),
                        400, "validation", "reservation"),
                post("reservation as a number", AGREEMENTS, draft("\"reservation\":5"),
                        400, "validation", "reservation"),
                put("extension months negative", consent, "{\"months\":-3}", 400, "validation", "months"),
                put("extension months as text", consent, "{\"months\":\"six\"}", 400, "validation", "months"),
                put("extension months missing", consent, "{}", 400, "validation", "months"),
                post("withdrawal reason over 4000 characters", AGREEMENTS + "/" + SOME_ID + "/withdraw",
                        "{\"reason\":\"" + text(4001) + "\"}", 400, "validation", "reason"),
                post("amendment title over 200 characters", amendments,
                        "{\"title\":\"" + text(201) + "\",\"text\":\"x\"}", 400, "validation", "title"),
                post("amendment text over 10000 characters", amendments,
                        "{\"title\":\"t\",\"text\":\"" + text(10_001) + "\"}", 400, "validation", "text"),
                post("amendment title empty", amendments, "{\"title\":\"\",\"text\":\"x\"}",
                        400, "validation", "title"),
                get("audit page limit 0", "/api/audit?limit=0", 400, "validation", "limit"),
                get("audit page limit over 1000", "/api/audit?limit=1001", 400, "validation", "limit"),
                get("audit page limit not a number", "/api/audit?limit=many", 400, "invalid-parameter", null),
                get("audit fromSeq beyond long", "/api/audit?fromSeq=99999999999999999999", 400,
                        "invalid-parameter", null),
                post("command on an id that is not a UUID", AGREEMENTS + "/not-a-uuid/submit", "{}",
                        400, "invalid-parameter", null),
                get("amendment id that is not a UUID", amendments + "/not-a-uuid", 400, "invalid-parameter", null),
                // issue 16: stopping one element, typed amendments
                post("element stop of an unknown element", AGREEMENTS + "/" + SOME_ID + "/elements/SUBMARINES/stop",
                        "{\"reason\":\"r\"}", 400, "validation", "element"),
                post("element stop reason over 4000 characters",
                        AGREEMENTS + "/" + SOME_ID + "/elements/TRANSPARENCY/stop",
                        "{\"reason\":\"" + text(4001) + "\"}", 400, "validation", "reason"),
                post("amendment type unknown", amendments, "{\"title\":\"t\",\"text\":\"x\",\"type\":\"MAGIC\"}",
                        400, "validation", "type"),
                post("amendment element unknown", amendments,
                        "{\"title\":\"t\",\"text\":\"x\",\"type\":\"ADD_ELEMENT\",\"element\":\"SUBMARINES\"}",
                        400, "validation", "element"),
                post("amendment noticeMonths as text", amendments,
                        "{\"title\":\"t\",\"text\":\"x\",\"type\":\"CHANGE_NOTICE_PERIOD\",\"noticeMonths\":\"two\"}",
                        400, "validation", "noticeMonths"),
                // issue 19: each was a 500 or accepted
                post("withdrawal reason given twice", AGREEMENTS + "/" + SOME_ID + "/withdraw",
                        "{\"reason\":\"a\",\"reason\":\"b\"}", 400, "duplicate-field", "reason"),
                post("rejection reason given twice", AGREEMENTS + "/" + SOME_ID + "/reject",
                        "{\"reason\":\"a\",\"reason\":\"b\"}", 400, "duplicate-field", "reason"),
                post("retraction reason given twice", AGREEMENTS + "/" + SOME_ID + "/retract",
                        "{\"reason\":\"a\",\"reason\":\"b\"}", 400, "duplicate-field", "reason"),
                put("extension months given twice", consent, "{\"months\":6,\"months\":7}",
                        400, "duplicate-field", "months"),
                put("reservation text given twice", AGREEMENTS + "/" + SOME_ID + "/reservation",
                        "{\"text\":\"a\",\"text\":\"b\"}", 400, "duplicate-field", "text"),
                post("effectiveAt in the year 10000", AGREEMENTS, draft("\"effectiveAt\":\"+10000-01-01T00:00:00Z\""),
                        400, "validation", "effectiveAt"),
                post("effectiveAt in the year 294277 (past PostgreSQL)", AGREEMENTS,
                        draft("\"effectiveAt\":\"+294277-01-01T00:00:00Z\""), 400, "validation", "effectiveAt"),
                post("effectiveAt near Instant.MAX", AGREEMENTS,
                        draft("\"effectiveAt\":\"+1000000000-12-31T23:59:59Z\""), 400, "validation", "effectiveAt"),
                post("effectiveAt in the year 0", AGREEMENTS, draft("\"effectiveAt\":\"0000-12-31T00:00:00Z\""),
                        400, "validation", "effectiveAt"),
                post("effectiveAt as epoch seconds beyond Instant", AGREEMENTS, draft("\"effectiveAt\":1e30"),
                        400, "validation", "effectiveAt"),
                post("reservation with U+0000", AGREEMENTS, draft("\"reservation\":\"a\\u0000b\""),
                        400, "validation", "reservation"),
                post("reservation with a lone surrogate", AGREEMENTS, draft("\"reservation\":\"a\\ud800b\""),
                        400, "validation", "reservation"),
                post("amendment title with U+0000", amendments, "{\"title\":\"\\u0000\",\"text\":\"x\"}",
                        400, "validation", "title"),
                get("agreement id with U+0000", AGREEMENTS + "/X%00", 400, null, null),
                get("audit page limit with U+0000", "/api/audit?limit=1%00", 400, null, null));
    }

    private static String draft(String member) {
        return withField("{\"elements\":[\"TRANSPARENCY\"]}", member);
    }

    private static Map<String, Long> prefixed(String prefix, Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(prefix + ":" + k, v));
        return out;
    }
}
