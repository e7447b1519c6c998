package io.dynamo.admin;

import java.io.PrintWriter;
import java.nio.charset.Charset;

/** The launcher's entry point: {@code java -jar dynamo-admin.jar COMMAND ...}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Charset charset = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        int code = AdminCli.run(args, new PrintWriter(System.out, false, charset),
                new PrintWriter(System.err, false, charset), System.in, System.getenv());
        System.exit(code);
    }
}
