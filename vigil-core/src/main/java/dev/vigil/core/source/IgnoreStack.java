package dev.vigil.core.source;

import java.util.ArrayList;
import java.util.List;

/**
 * The .gitignore files in force for one directory of the walk: those of its ancestors (up to the
 * repository root) and its own. Immutable, so each directory level extends its parent's stack.
 */
record IgnoreStack(List<IgnoreFile> files) {

    static final IgnoreStack EMPTY = new IgnoreStack(List.of());

    IgnoreStack with(IgnoreFile file) {
        List<IgnoreFile> more = new ArrayList<>(files);
        more.add(file);
        return new IgnoreStack(List.copyOf(more));
    }

    /**
     * Deeper files override shallower ones. Parent directories need no check here: the walk never
     * enters an ignored directory, which is also why git cannot re-include a file below one.
     */
    boolean ignored(String absolutePath, boolean isDirectory) {
        for (int i = files.size() - 1; i >= 0; i--) {
            switch (files.get(i).check(absolutePath, isDirectory)) {
                case IGNORED -> {
                    return true;
                }
                case INCLUDED -> {
                    return false;
                }
                case NONE -> {
                }
            }
        }
        return false;
    }
}
