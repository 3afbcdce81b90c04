import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * psql -tA for the benchmarks' embedded H2 file databases (issue 31), which only one process may open at a time: run
 * it while no server has the file.
 *   java -cp target/runtime/h2.jar bench/H2Sql.java URL SQL          one statement
 *   java -cp target/runtime/h2.jar bench/H2Sql.java URL -f FILE      the file's statements (each ends a line with ';')
 * Prints each row's columns separated by '|', nothing for a statement without rows; an error exits 1.
 */
public class H2Sql {

    public static void main(String[] args) throws Exception {
        List<String> statements = args[1].equals("-f") ? statements(Path.of(args[2])) : List.of(args[1]);
        try (Connection c = DriverManager.getConnection(args[0], "sa", "sa"); Statement s = c.createStatement()) {
            for (String sql : statements) {
                if (s.execute(sql)) {
                    print(s.getResultSet());
                }
            }
        } catch (SQLException e) {
            System.err.println("ERROR: " + e.getMessage());
            System.exit(1);
        }
    }

    static void print(ResultSet rs) throws SQLException {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            StringBuilder line = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
                line.append(i > 1 ? "|" : "").append(rs.getObject(i) == null ? "" : rs.getString(i));
            }
            System.out.println(line);
        }
    }

    /** The file's statements: lines up to one ending with ';', "--" comment lines left out. */
    static List<String> statements(Path file) throws Exception {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                statements.add(current.substring(0, current.lastIndexOf(";")));
                current.setLength(0);
            }
        }
        return statements;
    }
}
