package dev.badgeworks.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/** The chores of set-wise JDBC: an IN list's or a VALUES list's placeholders, binding values, the dialect. */
public final class Jdbc {

    private Jdbc() {
    }

    /** "?, ?, ?" for an IN list of {@code n} values. */
    public static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** "(?, ?), (?, ?)" for {@code rows} rows of {@code width} values. */
    public static String rows(int rows, int width) {
        return String.join(", ", Collections.nCopies(rows, "(" + marks(width) + ")"));
    }

    /** Whether the connection is PostgreSQL's (else it is H2's: the two databases Badgeworks runs on). */
    public static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
    }

    /** Binds the values from parameter {@code first} on; answers the next free parameter index. */
    public static int bind(PreparedStatement s, int first, Collection<String> values) throws SQLException {
        int i = first;
        for (String v : values) {
            s.setString(i++, v);
        }
        return i;
    }

    /**
     * Binds one column of {@code rows} as a PostgreSQL array of {@code sqlType} ({@code varchar} or {@code bigint}, for
     * {@code unnest(?::type[], …)}): a whole chunk in a few parameters. A typed Java array, which the driver sends in
     * PostgreSQL's binary form: the text form escaped every string and printed every number on the way out, and the
     * server parsed them back (together the largest part of an import chunk's own time in the server when profiled).
     * Answers the next free parameter index.
     */
    public static <T> int bindColumn(PreparedStatement s, int index, String sqlType, List<T> rows,
                                     Function<? super T, ?> column) throws SQLException {
        Object array = switch (sqlType) {
            case "varchar" -> {
                String[] values = new String[rows.size()];
                for (int i = 0; i < values.length; i++) {
                    Object value = column.apply(rows.get(i));
                    values[i] = value == null ? null : value.toString();
                }
                yield values;
            }
            case "bigint" -> {
                Long[] values = new Long[rows.size()];
                for (int i = 0; i < values.length; i++) {
                    Object value = column.apply(rows.get(i));
                    values[i] = value == null ? null : ((Number) value).longValue();
                }
                yield values;
            }
            default -> throw new IllegalArgumentException("no array binding for " + sqlType);
        };
        s.setObject(index, array);
        return index + 1;
    }
}
