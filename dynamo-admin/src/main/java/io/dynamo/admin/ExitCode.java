package io.dynamo.admin;

/** What {@code dynamo-admin} exits with; listed in its {@code --help} and in docs/cli.md. */
public final class ExitCode {
    public static final int OK = 0;
    /** The cluster said no (a 4xx such as a stale plan or a bad partition), a backup failed, a restore was refused. */
    public static final int REFUSED = 1;
    /** Bad usage: an unknown command or option, a bad value, an unreadable credentials file. */
    public static final int USAGE = 2;
    /** No node answered, a node answered 5xx, or (status) a node could not be asked. */
    public static final int UNAVAILABLE = 3;
    /** The credentials were refused (401) or are not the admin's (403). */
    public static final int AUTH = 4;
    /** The operator answered no at the prompt: nothing was committed. */
    public static final int DECLINED = 5;
    /** transfers --wait or backup --wait: transfers pending or backups running when the timeout came. */
    public static final int TIMED_OUT = 6;
    /** A failure of dynamo-admin itself. */
    public static final int INTERNAL = 70;


    private ExitCode() {
    }
}
