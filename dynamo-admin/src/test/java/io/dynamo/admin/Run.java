package io.dynamo.admin;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/** One run of the command line in this JVM: its exit code and what it printed on each stream. */
public record Run(int code, String out, String err) {
    public static Run of(Map<String, String> env, String... args) {
        return withInput(new ByteArrayInputStream(new byte[0]), env, args);
    }

    public static Run withInput(InputStream in, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AdminCli.run(args, new PrintWriter(out), new PrintWriter(err), in, env);
        return new Run(code, out.toString(), err.toString());
    }

    public static InputStream typed(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static final Pattern THROWABLE = Pattern.compile("\\b[a-z]+(\\.[a-z0-9]+)+\\.[A-Z]\\w*(: |\\R)");

    /** No stack trace, no exception class name: what an operator reads is the message alone. */
    public boolean clean() {
        String all = out + err;
        return !all.contains("\tat ") && !all.contains("Exception") && !all.contains("Caused by")
                && !THROWABLE.matcher(all).find();
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
