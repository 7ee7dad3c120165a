package dev.vigil.llm.audit;

import dev.vigil.core.finding.Finding;
import dev.vigil.core.finding.Fingerprints;
import dev.vigil.core.scan.Notification;
import dev.vigil.llm.client.ChatMessage;
import dev.vigil.llm.client.ChatRequest;
import dev.vigil.llm.client.ToolCall;
import dev.vigil.llm.client.ToolSpec;
import dev.vigil.llm.code.CodeIndex;
import dev.vigil.llm.config.ModelProfile;
import dev.vigil.llm.config.Stage;
import dev.vigil.llm.prompt.PromptTemplate;
import dev.vigil.llm.session.AllProfilesFailedException;
import dev.vigil.llm.session.ModelSession;
import dev.vigil.llm.session.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The audit agent: for each HTTP entry point, a tool-using conversation in which the model reads the
 * code through {@link AuditTools} and reports flaws rules cannot express. Each conversation is capped
 * in turns and tokens; the run as a whole obeys the session's budget. Everything the model reports is
 * checked (rule id, file and line of every piece of evidence) before it becomes a finding, and every
 * finding is labelled {@code origin: model}.
 */
public final class AuditAgent {

    public static final String PROMPT_VERSION = "audit-v1";
    private static final PromptTemplate SYSTEM = PromptTemplate.load(PROMPT_VERSION + ".system.txt");
    private static final PromptTemplate USER = PromptTemplate.load(PROMPT_VERSION + ".user.txt");
    private static final List<ToolSpec> TOOLS = AuditTools.specs();

    private AuditAgent() {
    }

    private enum EntryOutcome { AUDITED, NOT_PROCESSED }

    public static AuditReport run(CodeIndex index, AuditOptions options, ModelSession session) {
        AuditTools tools = new AuditTools(index, options.staticFindings());
        List<CodeIndex.EntryPoint> entries = index.entryPoints();
        List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
        List<Notification> notifications = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicReference<String> budgetStop = new AtomicReference<>();
        AtomicInteger audited = new AtomicInteger();
        AtomicInteger notProcessed = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        int workers = Math.max(1, Math.min(entries.size(),
                session.chain(Stage.AUDIT).stream().mapToInt(ModelProfile::maxConcurrency).max().orElse(1)));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < workers; w++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < entries.size(); i = next.getAndIncrement()) {
                        if (failure.get() != null || budgetStop.get() != null) {
                            notProcessed.incrementAndGet();
                            continue;
                        }
                        EntryOutcome o = audit(entries.get(i), tools, options, session, findings, notifications,
                                failure, budgetStop);
                        (o == EntryOutcome.AUDITED ? audited : notProcessed).incrementAndGet();
                    }
                });
            }
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing((Finding f) -> f.location().file()).thenComparingInt(f -> f.location().startLine())
                .thenComparing(Finding::ruleId));
        List<Finding> unique = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Finding f : sorted) {
            if (seen.add(f.ruleId() + "\u0000" + f.location().shortText())) {
                unique.add(f);
            }
        }
        return new AuditReport(Fingerprints.disambiguate(unique), entries.size(), session.dryRun() ? 0 : audited.get(),
                session.dryRun() ? 0 : notProcessed.get(), notifications, session.dryRun(), budgetStop.get(),
                failure.get(), session.ledger());
    }

    private static EntryOutcome audit(CodeIndex.EntryPoint entry, AuditTools tools, AuditOptions options,
                                      ModelSession session, List<Finding> findings, List<Notification> notifications,
                                      AtomicReference<String> failure, AtomicReference<String> budgetStop) {
        String method = tools.readMethod(entry.file(), entry.line());
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.user(USER.render(Map.of("entry", entry.describe(), "method", method))));
        long tokens = 0;
        for (int step = 1; step <= options.maxSteps(); step++) {
            ChatRequest request = new ChatRequest(SYSTEM.text(), messages, null, TOOLS, 0.0, options.maxOutputTokens(), 0);
            Outcome outcome;
            try {
                outcome = session.complete(Stage.AUDIT, request, r -> true);
            } catch (AllProfilesFailedException e) {
                failure.compareAndSet(null, e.getMessage());
                return step == 1 ? EntryOutcome.NOT_PROCESSED : EntryOutcome.AUDITED;
            }
            switch (outcome) {
                case Outcome.NotSent n -> {
                    return EntryOutcome.NOT_PROCESSED;
                }
                case Outcome.BudgetExhausted b -> {
                    budgetStop.compareAndSet(null, b.limits());
                    if (step > 1) {
                        notifications.add(Notification.warning(entry.file(), "audit of " + entry.name()
                                + " cut short: budget exhausted"));
                    }
                    return step == 1 ? EntryOutcome.NOT_PROCESSED : EntryOutcome.AUDITED;
                }
                case Outcome.Answered a -> {
                    tokens += a.response().usage().total();
                    List<ToolCall> calls = a.response().toolCalls();
                    if (calls.isEmpty()) {
                        return EntryOutcome.AUDITED;
                    }
                    messages.add(ChatMessage.assistant(a.response().text(), calls));
                    for (ToolCall call : calls) {
                        AuditTools.Result result = tools.execute(call, entry, a.profile());
                        if (result.finding() != null) {
                            findings.add(result.finding());
                        }
                        messages.add(ChatMessage.toolResult(call.id(), result.text()));
                    }
                    if (tokens >= options.maxTokensPerEntryPoint()) {
                        notifications.add(Notification.warning(entry.file(), "audit of " + entry.name()
                                + " stopped at the token cap (" + options.maxTokensPerEntryPoint() + ")"));
                        return EntryOutcome.AUDITED;
                    }
                }
            }
        }
        notifications.add(Notification.warning(entry.file(), "audit of " + entry.name() + " stopped at the step cap ("
                + options.maxSteps() + ")"));
        return EntryOutcome.AUDITED;
    }
}
