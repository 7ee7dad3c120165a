package corpus.taint.sqli.spring;

/** JSON body of the archive call; a record, so the tainted value flows through the accessor. */
public record ArchiveRequest(String before, int limit) {
}
