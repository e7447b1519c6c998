package io.dynamo.admin;

/** A failure to report in one or two lines and exit with its code; never shown with a stack trace. */
final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    CliFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    static CliFailure usage(String message) {
        return new CliFailure(ExitCode.USAGE, message);
    }

    int exitCode() {
        return exitCode;
    }
}
