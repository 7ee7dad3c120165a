package corpus.misuse.random;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/** Randomness for presentation, load spreading and sampling: nothing to guess. */
public class NonSecurityRandomness {

    private final Random random = new Random();

    public List<String> featuredProducts(List<String> products) {
        List<String> shuffled = new ArrayList<>(products);
        Collections.shuffle(shuffled, new Random()); // vigil: safe java/weak-random
        return shuffled.subList(0, Math.min(4, shuffled.size()));
    }

    public Duration retryBackoff(int attempt) {
        long base = 200L << Math.min(attempt, 6);
        long jitter = ThreadLocalRandom.current().nextLong(base / 2); // vigil: safe java/weak-random
        return Duration.ofMillis(base + jitter);
    }

    public boolean sampleForTracing() {
        return Math.random() < 0.01; // vigil: safe java/weak-random
    }

    public String tipOfTheDay(List<String> tips) {
        return tips.get(random.nextInt(tips.size())); // vigil: safe java/weak-random
    }

    public int avatarColor() {
        return 0x404040 + random.nextInt(0xBFBFBF); // vigil: safe java/weak-random
    }
}
