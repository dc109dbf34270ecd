package org.mdcoop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mdcoop.system.Stack.as;
import static org.mdcoop.system.Stack.url;

import java.time.Duration;
import java.util.List;

/**
 * The agreement the console's programme screens need (transparency, exercises): proposed and accepted by the
 * liaisons through the services' API, like every story test, and ended again afterwards. The screens under test
 * never make or end it.
 */
final class ConsoleAgreement {

    private static final List<String> FOLLOWERS = List.of("transparency", "exercise", "fusion");

    private ConsoleAgreement() {
    }

    /** Ends what earlier runs left open, then one agreement with every element, in force at every follower. */
    static String inForce() {
        Stack.closeOpenAgreements();
        String id = as("nato-liaison").body("{\"elements\":[\"TRANSPARENCY\",\"JOINT_EXERCISES\",\"DATA_FUSION_CENTRE\","
                + "\"COOPERATION_CENTRE\"],\"termMonths\":48}").post(url("agreement", "/api/agreements"))
                .then().statusCode(201).extract().path("id");
        as("nato-liaison").post(url("agreement", "/api/agreements/" + id + "/submit")).then().statusCode(200);
        as("russia-liaison").post(url("agreement", "/api/agreements/" + id + "/accept")).then().statusCode(200);
        for (String service : FOLLOWERS) {
            await("cooperation in force at " + service).atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(Stack.inForceAt(service, id)).isTrue());
        }
        return id;
    }

    /** Ends the agreement again, so that the next test finds the stack as the others leave it. */
    static void end() {
        Stack.closeOpenAgreements();
    }
}
