package dev.vigil.cli.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    @Test
    void drawsNothingDuringTheFirstSecond() {
        StringWriter err = new StringWriter();
        try (TerminalProgress progress = new TerminalProgress(new PrintWriter(err))) {
            progress.start("parsing", 10);
            progress.advance(10);
        }
        assertEquals("", err.toString());
    }

    @Test
    void drawsPhaseCountsAndElapsedTimeThenErasesTheLine() throws InterruptedException {
        StringWriter err = new StringWriter();
        try (TerminalProgress progress = new TerminalProgress(new PrintWriter(err))) {
            progress.start("parsing", 10);
            progress.advance(3);
            Thread.sleep(1400);
        }
        String drawn = err.toString();
        assertTrue(drawn.contains("\r\033[Kparsing 3/10  1."), drawn);
        assertTrue(drawn.endsWith("\r\033[K"), "the progress line is erased at the end");
    }
}
