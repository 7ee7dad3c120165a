package corpus.taint.loginj.spring;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Account events logged from a controller and from a service it calls. */
@RestController
public class AccountEvents {

    private static final Logger LOG = LoggerFactory.getLogger(AccountEvents.class);

    private final EventRecorder recorder = new EventRecorder();

    @PostMapping("/accounts/{id}/rename")
    public void rename(@PathVariable String id, @RequestParam String newName) {
        LOG.info("account " + id + " renamed to " + newName); // vigil: expect java/log-injection
        recorder.record("rename", newName);
    }

    @PostMapping("/accounts/{id}/rename-checked")
    public void renameChecked(@PathVariable String id, @RequestParam String newName) {
        UUID account = UUID.fromString(id);
        LOG.info("account " + account + " renamed"); // vigil: safe java/log-injection
        recorder.recordKind("rename", newName);
    }

    @PostMapping("/accounts/note")
    public void note(@RequestBody String note) {
        LOG.error(String.format("note received: %s", note)); // vigil: expect java/log-injection
    }

    @PostMapping("/accounts/note-size")
    public void noteSize(@RequestBody String note) {
        LOG.error(String.format("note received: %d bytes", note.length())); // vigil: safe java/log-injection
    }
}
