package dev.badgeworks.platform;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;

/** The two chores of set-wise JDBC: an IN list's placeholders and binding its values. */
public final class Jdbc {

    private Jdbc() {
    }

    /** "?, ?, ?" for an IN list of {@code n} values. */
    public static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** Binds the values from parameter {@code first} on; answers the next free parameter index. */
    public static int bind(PreparedStatement s, int first, Collection<String> values) throws SQLException {
        int i = first;
        for (String v : values) {
            s.setString(i++, v);
        }
        return i;
    }
}
