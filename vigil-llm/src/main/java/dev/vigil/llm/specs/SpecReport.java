package dev.vigil.llm.specs;

import dev.vigil.llm.budget.UsageLedger;
import java.util.List;

/** The outcome of spec inference: validated labels, and what could not be labelled. */
public record SpecReport(List<InferredSpec> specs, int candidates, int labelledNone, int modelErrors, int notProcessed,
                         List<String> problems, boolean dryRun, String budgetStop, String failure, UsageLedger usage) {

    public SpecReport {
        specs = List.copyOf(specs);
        problems = List.copyOf(problems);
    }
}
