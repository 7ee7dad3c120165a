package dev.vigil.cli.scan;

import dev.vigil.core.scan.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Draws "phase done/total elapsed" on one stderr line, redrawn in place. Nothing is drawn during the
 * first second, so quick scans leave no trace; {@link #close()} erases the line.
 */
public final class TerminalProgress implements Progress, AutoCloseable {

    private static final long QUIET_MILLIS = 1000;

    private final PrintWriter err;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private final AtomicInteger done = new AtomicInteger();
    private volatile String phase = "";
    private volatile int total;
    private boolean drawn;

    public TerminalProgress(PrintWriter err) {
        this.err = err;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::draw, QUIET_MILLIS, 200, TimeUnit.MILLISECONDS);
    }

    @Override
    public void start(String phase, int total) {
        this.phase = phase;
        this.total = total;
        done.set(0);
    }

    @Override
    public void advance(int n) {
        done.addAndGet(n);
    }

    private synchronized void draw() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        String counts = total > 0 ? " " + Math.min(done.get(), total) + "/" + total : "";
        err.print(String.format(Locale.ROOT, "\r\033[K%s%s  %.1fs", phase, counts, seconds));
        err.flush();
        drawn = true;
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
