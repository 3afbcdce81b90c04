package dev.badgeworks.api;

/**
 * What may reach a log line from outside: a file's name from the inbox, a client's address, the message of a
 * failure that quotes a client's value (a parser's "For input string", a database's "Key (request_id)=(…)").
 * Written as one line with every control and invisible character escaped ({@code \}{@code uXXXX}, as in
 * {@link Excerpt}), so nobody can end the server's line, start a forged one, or colour an operator's terminal.
 */
public final class LogSafe {

    /** Characters of one value in a log line; longer values are cut (a file name has at most 255 bytes). */
    static final int MAX = 300;
    private static final int MAX_CAUSES = 8;

    private LogSafe() {
    }

    /** The value as it may be logged: escaped, at most {@value #MAX} characters. */
    public static String text(Object value) {
        return Excerpt.escaped(String.valueOf(value), MAX);
    }

    /**
     * The innermost cause of a failure as it may be logged: the driver's own words ("Connection to … refused") under
     * the server's and the JPA provider's wrappers.
     */
    public static String rootCause(Throwable e) {
        Throwable root = e;
        for (int depth = 0; depth < 20 && root.getCause() != null && root.getCause() != root; depth++) {
            root = root.getCause();
        }
        return text(root);
    }

    /**
     * A stand-in for a failure to log with its stack trace: the same class name, stack and causes, each message
     * escaped. A logged Throwable prints its own message, which may quote what a client sent.
     */
    public static Throwable failure(Throwable e) {
        return e == null ? null : new Neutralised(e, 0);
    }

    /** Prints as the original would ("class: message"), with the message escaped. */
    private static final class Neutralised extends Exception {

        private final String shown;

        Neutralised(Throwable original, int depth) {
            super(null, original.getCause() == null || depth >= MAX_CAUSES ? null
                    : new Neutralised(original.getCause(), depth + 1), false, true);
            String message = original.getMessage();
            this.shown = original.getClass().getName() + (message == null ? "" : ": " + text(message));
            setStackTrace(original.getStackTrace());
        }

        @Override
        public String toString() {
            return shown;
        }

        @Override
        public String getMessage() {
            return shown;
        }
    }
}
