package org.mdcoop.system;

import static org.mdcoop.system.Stack.as;
import static org.mdcoop.system.Stack.url;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.restassured.response.Response;

/**
 * The walk-away, measured: how long from a withdrawal's HTTP answer until every follower (transparency, exercise,
 * fusion) refuses cooperation. A benchmark against the running stack, not a test (nothing runs it in {@code stack
 * test}); {@code system-tests/bin/walkaway} runs it and prints p50/p99/max (docs/benchmarks.md).
 *
 * <p>Each round: NATO proposes an agreement of all elements, Russia accepts, and the round waits until every follower
 * cooperates (IN_FORCE in its {@code /api/cooperation}); then one party (alternating) withdraws. From the moment the
 * answer arrives, one thread per follower polls its {@code /api/cooperation} every {@value #POLL_MS} ms until the
 * agreement is no longer in force there: the belief its cooperative actions consult ({@code CooperationView}). The
 * round's walk-away time is the slowest follower's. Afterwards one real cooperative action per follower must be
 * refused with 409 {@code cooperation-not-in-force} (an interceptor-test announcement, an exercise proposal, a
 * sensor report), or the benchmark fails.
 */
public final class WalkAwayBenchmark {

    private static final List<String> FOLLOWERS = CooperativeActions.FOLLOWERS;
    private static final String ALL = "[\"TRANSPARENCY\",\"JOINT_EXERCISES\",\"DATA_FUSION_CENTRE\",\"COOPERATION_CENTRE\"]";
    static final int POLL_MS = 10;
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private WalkAwayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 20;
        for (int i = 0; i < args.length; i++) {
            if ("--withdrawals".equals(args[i])) {
                rounds = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("usage: walkaway [--withdrawals N]   (unknown: " + args[i] + ")");
            }
        }
        Stack.closeOpenAgreements();
        DemoSensors.ensureRegistered();
        List<Long> slowest = new ArrayList<>();
        Map<String, List<Long>> perFollower = new LinkedHashMap<>();
        FOLLOWERS.forEach(f -> perFollower.put(f, new ArrayList<>()));
        ExecutorService pollers = Executors.newFixedThreadPool(FOLLOWERS.size());
        try {
            for (int round = 1; round <= rounds; round++) {
                String id = inForceEverywhere();
                String party = round % 2 == 0 ? "nato" : "russia";
                Response answer = as(party + "-liaison").body("{\"reason\":\"walk-away benchmark\"}")
                        .post(url("agreement", "/api/agreements/" + id + "/withdraw"));
                long answered = System.nanoTime();
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("withdrawal answered " + answer.statusCode() + ": " + answer.asString());
                }
                List<Future<Long>> closed = new ArrayList<>();
                for (String follower : FOLLOWERS) {
                    closed.add(pollers.submit(() -> untilNotInForce(follower, id, answered)));
                }
                long max = 0;
                StringBuilder line = new StringBuilder();
                for (int f = 0; f < FOLLOWERS.size(); f++) {
                    long ms = closed.get(f).get();
                    perFollower.get(FOLLOWERS.get(f)).add(ms);
                    max = Math.max(max, ms);
                    line.append(String.format(Locale.ROOT, " %s %4d ms", FOLLOWERS.get(f), ms));
                }
                slowest.add(max);
                refusedEverywhere();
                System.out.printf(Locale.ROOT, "withdrawal %2d (%s):%s -> every follower refusing after %d ms%n",
                        round, party, line, max);
            }
        } finally {
            pollers.shutdownNow();
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "withdrawal answered -> every follower refusing, %d withdrawals (poll every %d ms):%n",
                rounds, POLL_MS);
        System.out.println("  all followers: " + summary(slowest));
        perFollower.forEach((f, ms) -> System.out.println("  " + f + ": " + summary(ms)));
        System.out.println("goal p99 <= 2000 ms: " + (percentile(slowest, 99) <= 2000 ? "met" : "NOT met"));
    }

    /** Proposes and accepts an agreement of all elements; returns when every follower cooperates under it. */
    private static String inForceEverywhere() {
        String id = as("nato-liaison").body("{\"elements\":" + ALL + ",\"termMonths\":48}")
                .post(url("agreement", "/api/agreements")).then().statusCode(201).extract().path("id");
        as("nato-liaison").post(url("agreement", "/api/agreements/" + id + "/submit")).then().statusCode(200);
        as("russia-liaison").post(url("agreement", "/api/agreements/" + id + "/accept")).then().statusCode(200);
        Instant until = Instant.now().plus(GIVE_UP);
        for (String follower : FOLLOWERS) {
            while (!"IN_FORCE".equals(cooperation(follower, id))) {
                if (Instant.now().isAfter(until)) {
                    throw new IllegalStateException(follower + " never cooperated under " + id);
                }
                sleep(50);
            }
        }
        return id;
    }

    /** Milliseconds from the withdrawal's answer until the follower no longer has the agreement in force. */
    private static long untilNotInForce(String follower, String id, long answeredNanos) {
        long deadline = answeredNanos + GIVE_UP.toNanos();
        while (true) {
            String state = cooperation(follower, id);
            long now = System.nanoTime();
            if ("NOT_IN_FORCE".equals(state)) {
                return Duration.ofNanos(now - answeredNanos).toMillis();
            }
            if (now > deadline) {
                throw new IllegalStateException(follower + " still " + state + " " + GIVE_UP + " after the withdrawal");
            }
            sleep(POLL_MS);
        }
    }

    private static String cooperation(String follower, String id) {
        return Stack.cooperationAt(follower, id);
    }

    /** One real cooperative action per follower ({@link CooperativeActions}), each refused: nothing is in force. */
    private static void refusedEverywhere() {
        for (String follower : FOLLOWERS) {
            Response response = CooperativeActions.attempt(follower);
            if (!CooperativeActions.refusedWith(response, 409, "cooperation-not-in-force")) {
                throw new IllegalStateException(follower + " did not refuse a cooperative action after the withdrawal: "
                        + response.statusCode() + " " + response.asString());
            }
        }
    }

    private static String summary(List<Long> ms) {
        return String.format(Locale.ROOT, "p50 %d ms, p99 %d ms, max %d ms, min %d ms (n = %d)", percentile(ms, 50),
                percentile(ms, 99), ms.stream().mapToLong(Long::longValue).max().orElse(0),
                ms.stream().mapToLong(Long::longValue).min().orElse(0), ms.size());
    }

    /** Nearest-rank percentile. */
    static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
