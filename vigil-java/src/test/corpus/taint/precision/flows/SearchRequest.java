package corpus.taint.precision.flows;

/** A bean filled from the request: constructor -> field -> getter. */
public class SearchRequest {

    private final String query;
    private final String sortField;
    private String label = "default";

    public SearchRequest(String query, String sortField) {
        this.query = query;
        this.sortField = sortField;
    }

    public String getQuery() {
        return query;
    }

    public String getSortField() {
        return sortField;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }
}
