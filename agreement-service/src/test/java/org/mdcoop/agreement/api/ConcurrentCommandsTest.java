package org.mdcoop.agreement.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mdcoop.agreement.api.AgreementApi.ALL_ELEMENTS;
import static org.mdcoop.agreement.api.AgreementApi.closeOpenAgreements;
import static org.mdcoop.agreement.api.AgreementApi.command;
import static org.mdcoop.agreement.api.AgreementApi.draftByNato;
import static org.mdcoop.agreement.api.AgreementApi.natoLiaison;
import static org.mdcoop.agreement.api.AgreementApi.provisionalAgreement;
import static org.mdcoop.agreement.api.AgreementApi.russianLiaison;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

/** Two conflicting commands on one agreement at the same moment: one applies, the other gets 409, never both. */
@QuarkusTest
class ConcurrentCommandsTest {

    @Test
    void acceptAndRetractRacingNeverBothApply() throws Exception {
        for (int round = 0; round < 5; round++) {
            closeOpenAgreements();
            String id = draftByNato(ALL_ELEMENTS);
            command(natoLiaison(), id, "submit").statusCode(200);

            List<Integer> statuses = race(
                    () -> russianLiaison().post("/api/agreements/" + id + "/accept").statusCode(),
                    () -> natoLiaison().post("/api/agreements/" + id + "/retract").statusCode());

            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            String finalStatus = natoLiaison().get("/api/agreements/" + id).then().extract().path("status");
            assertThat(finalStatus).isIn("PROVISIONAL", "RETRACTED");
            List<String> actions = AgreementApi.as(TestTokens.nato(Roles.AUDITOR)).get("/api/audit?limit=1000")
                    .then().extract().path("entries.findAll { it.agreementId == '" + id + "' }.action");
            assertThat(actions).containsOnlyOnce("agreement.proposed");
            assertThat(actions.contains("agreement.activated") ^ actions.contains("agreement.retracted"))
                    .as("exactly one of the racing commands is recorded: %s", actions).isTrue();
        }
    }

    @Test
    void bothPartiesWithdrawingAtOnceEndTheAgreementOnce() throws Exception {
        String id = provisionalAgreement();

        List<Integer> statuses = race(
                () -> russianLiaison().body("{\"reason\":\"r\"}").post("/api/agreements/" + id + "/withdraw")
                        .statusCode(),
                () -> natoLiaison().body("{\"reason\":\"n\"}").post("/api/agreements/" + id + "/withdraw")
                        .statusCode());

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        List<String> actions = AgreementApi.as(TestTokens.nato(Roles.AUDITOR)).get("/api/audit?limit=1000")
                .then().extract().path("entries.findAll { it.agreementId == '" + id + "' }.action");
        assertThat(actions).containsOnlyOnce("agreement.withdrawn");
    }

    private static List<Integer> race(Supplier<Integer> first, Supplier<Integer> second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> results = new ArrayList<>();
            for (Supplier<Integer> command : List.of(first, second)) {
                results.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return command.get();
                }, pool));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
