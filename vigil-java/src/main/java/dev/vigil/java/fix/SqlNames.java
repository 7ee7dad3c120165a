package dev.vigil.java.fix;

import java.util.regex.Pattern;

/**
 * Where a value spliced into SQL text outside quotes stands, judged from the SQL text before and after
 * it. A table, column or sort name and a sort direction cannot be bound, but they can be checked against
 * the shape of a plain SQL identifier: such a value carries no quote, space, comment or operator. A
 * whole condition (after {@code WHERE}, {@code AND}…) cannot be checked that way without breaking the
 * legitimate conditions it stands for.
 */
final class SqlNames {

    /** A plain (optionally qualified: {@code schema.table}, {@code t.column}) SQL identifier. */
    static final String NAME = "[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?";
    /** Names separated by commas ({@code id, title}), as a SELECT or GROUP BY list. */
    static final String NAMES = NAME + "([ ]*,[ ]*" + NAME + ")*";
    private static final String KEY = NAME + "([ ]+(ASC|DESC|asc|desc))?";
    /** Sort keys: names, each optionally with its direction ({@code created DESC, id}). */
    static final String SORT = KEY + "([ ]*,[ ]*" + KEY + ")*";
    static final String DIRECTION = "ASC|DESC|asc|desc";

    /** What the value supplies. */
    enum Position {
        /** a table, column or procedure name */
        NAME(SqlNames.NAME, "a name"),
        /** a list of column names */
        NAMES(SqlNames.NAMES, "column names"),
        /** a sort key after ORDER BY */
        SORT(SqlNames.SORT, "a sort column"),
        /** ASC or DESC after a sort key */
        DIRECTION(SqlNames.DIRECTION, "a sort direction"),
        /** a String read by the SQL as a number literal (spliced unquoted after an operator) */
        NUMBER("-?[0-9]+(\\.[0-9]+)?", "a number"),
        /** a whole condition: no allow-list of names fits it */
        CONDITION(null, "a whole SQL condition"),
        /** the whole statement */
        STATEMENT(null, "the whole SQL statement"),
        /** glued to SQL text after it: part of a name or list whose legitimate shape is unknown */
        GLUED(null, "part of a longer piece of SQL"),
        /** something else (a keyword, an expression): not judged */
        OTHER(null, "SQL code");

        final String regex;
        final String what;

        Position(String regex, String what) {
            this.regex = regex;
            this.what = what;
        }
    }

    private static final Pattern SORT_KEY = Pattern.compile("(?is).*\\border\\s+by\\s+(.*,\\s*)?");
    private static final Pattern SORT_DIRECTION = Pattern.compile("(?is).*\\border\\s+by\\s+(.*,\\s*)?[\\w.\"`]+\\s+");
    private static final Pattern TABLE = Pattern.compile("(?is).*\\b(from|join|into|update|table|exists|call)\\s+");
    private static final Pattern COLUMN_LIST = Pattern.compile("(?is).*(\\bselect(\\s+distinct)?|\\bgroup\\s+by)\\s+(.*,\\s*)?");
    private static final Pattern BEFORE_COLUMN = Pattern.compile("(?is).*(\\bwhere|\\band|\\bor|\\bon|\\bset|\\bhaving|,|\\()\\s*");
    private static final Pattern OPERATOR_AFTER = Pattern.compile(
            "(?is)\\s*(=|<>|!=|<|>|(like|not|in|is|between)\\b).*");
    private static final Pattern CONDITION = Pattern.compile("(?is).*\\b(where|and|or|having|on|not)\\s*\\(?\\s*");
    private static final Pattern NAME_GLUE = Pattern.compile("(?s)[\\w(.].*");
    private static final Pattern LIST_END = Pattern.compile("(?s)(\\s.*|[,)].*)?");

    private SqlNames() {
    }

    /** The shape of one element where SQL takes a list of names (a SELECT, GROUP BY or ORDER BY list), else null. */
    static String listElement(CharSequence before) {
        if (SORT_KEY.matcher(before).matches()) {
            return KEY;
        }
        return COLUMN_LIST.matcher(before).matches() ? NAME : null;
    }

    /**
     * @param before the SQL text before the value (earlier values written as a placeholder or a name)
     * @param after the fixed SQL text right after the value ("" when another value or the end follows)
     */
    static Position of(CharSequence before, String after) {
        if (before.toString().isBlank()) {
            return Position.STATEMENT;
        }
        boolean separated = LIST_END.matcher(after).matches();
        if (separated && SORT_DIRECTION.matcher(before).matches()) {
            return Position.DIRECTION;
        }
        if (separated && SORT_KEY.matcher(before).matches()) {
            return Position.SORT;
        }
        if ((separated || NAME_GLUE.matcher(after).matches()) && TABLE.matcher(before).matches()) {
            return Position.NAME; // also a part of a name ("FROM " + prefix + "_events") or a procedure before "("
        }
        if (separated && COLUMN_LIST.matcher(before).matches()) {
            return Position.NAMES;
        }
        if (BEFORE_COLUMN.matcher(before).matches() && OPERATOR_AFTER.matcher(after).matches()) {
            return Position.NAME;
        }
        if (CONDITION.matcher(before).matches()) {
            return Position.CONDITION;
        }
        return separated ? Position.OTHER : Position.GLUED;
    }
}
