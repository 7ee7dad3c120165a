package corpus.taint.webflux;

import java.io.IOException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Spring WebFlux: annotated handlers and a functional handler reading query parameters. */
@RestController
public class StatusHandler {

    @GetMapping("/status/ping")
    public Mono<Long> ping(@RequestParam String host) throws IOException {
        return Mono.just(Runtime.getRuntime().exec("ping -c 1 " + host).pid()); // vigil: expect java/command-injection
    }

    @GetMapping("/status/ping-local")
    public Mono<Long> pingLocal(@RequestParam String host) throws IOException {
        return Mono.just(Runtime.getRuntime().exec("ping -c 1 127.0.0.1").pid() + host.length()); // vigil: safe java/command-injection
    }

    public Mono<ServerResponse> lookup(ServerRequest request) throws ReflectiveOperationException {
        String probe = request.queryParam("probe").orElse("corpus.taint.webflux.DefaultProbe");
        Class<?> c = Class.forName(probe); // vigil: expect java/unsafe-reflection
        return ServerResponse.ok().bodyValue(c.getSimpleName().length());
    }

    public Mono<ServerResponse> lookupDefault(ServerRequest request) throws ReflectiveOperationException {
        boolean custom = request.queryParam("probe").isPresent();
        Class<?> c = Class.forName(custom ? "corpus.taint.webflux.CustomProbe" : "corpus.taint.webflux.DefaultProbe"); // vigil: safe java/unsafe-reflection
        return ServerResponse.ok().bodyValue(c.getSimpleName().length());
    }
}
