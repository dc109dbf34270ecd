package org.mdcoop.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mdcoop.console.relay.ServiceRelay;
import org.mdcoop.console.relay.ServiceRelay.Call;

import com.sun.net.httpserver.HttpServer;

/**
 * The relay and the services' paged lists: the query (limit, cursor, filters) reaches the service as the browser sent
 * it, and the next page's cursor comes back in {@code X-Next-Cursor}; the service's {@code Link} stays behind (it
 * names the service's own path, not the console's).
 */
class RelayPagesTest {

    private static HttpServer service;
    private static final List<String> asked = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void aServiceThatPages() throws Exception {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/api/", exchange -> {
            asked.add(exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery());
            byte[] body = "[{\"id\":\"a\"}]".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Next-Cursor", "Y3Vyc29y");
            exchange.getResponseHeaders().add("Link", "<" + exchange.getRequestURI().getRawPath()
                    + "?limit=1&cursor=Y3Vyc29y>; rel=\"next\"");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
    }

    @AfterAll
    static void stop() {
        service.stop(0);
    }

    @Test
    void theNextCursorOfEachPagedListComesBackThroughTheRelay() {
        String url = "http://127.0.0.1:" + service.getAddress().getPort();
        ServiceRelay relay = new ServiceRelay(new ConsoleConfig() {
            @Override
            public Map<String, Service> services() {
                return Map.of("transparency", () -> url, "exercise", () -> url);
            }

            @Override
            public String csrfSecret() {
                return "unused";
            }
        });
        for (Call call : List.of(
                new Call("transparency", "GET", "disclosures", "round=2061-H1&limit=1&cursor=abc", null, null),
                new Call("transparency", "GET", "tests", "state=ANNOUNCED&limit=1", null, null),
                new Call("exercise", "GET", "exercises", "status=PROPOSED&host=NATO&limit=1&cursor=abc", null, null))) {
            Response answer = relay.relay(call, "token");
            assertThat(answer.getStatus()).isEqualTo(200);
            assertThat(answer.getHeaderString("X-Next-Cursor")).as(call.path()).isEqualTo("Y3Vyc29y");
            assertThat(answer.getHeaderString("Link")).as(call.path()).isNull();
            assertThat(asked).contains("/api/" + call.path() + "?" + call.rawQuery());
        }
    }
}
