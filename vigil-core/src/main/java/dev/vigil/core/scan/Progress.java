package dev.vigil.core.scan;

/** Receives progress of long work; the CLI draws it on stderr. Implementations must be thread-safe. */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void start(String phase, int total) {
        }

        @Override
        public void advance(int done) {
        }
    };

    /** A new phase ("parsing", "analyzing") with {@code total} units of work. */
    void start(String phase, int total);

    /** {@code done} more units finished. */
    void advance(int done);
}
