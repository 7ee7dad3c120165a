package dev.vigil.java.fix;

import dev.vigil.core.finding.Finding;
import java.util.List;

/**
 * What a fix recipe says about one finding: either edits to one file that remove the problem, or why
 * it cannot be fixed mechanically.
 */
public sealed interface FixProposal {

    Finding finding();

    /**
     * @param file the finding's file, relative to the scan base
     * @param description what the fix does, in one line for the summary
     * @param edits changes to the file's decoded text, including added imports
     */
    record Edits(Finding finding, String file, String description, List<Edit> edits) implements FixProposal {
        public Edits {
            edits = List.copyOf(edits);
        }
    }

    record NotFixable(Finding finding, String reason) implements FixProposal {
    }
}
