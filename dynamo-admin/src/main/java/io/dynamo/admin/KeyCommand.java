package io.dynamo.admin;

import io.dynamo.api.ClockEntryBody;
import io.dynamo.api.KeyVersionsBody;
import io.dynamo.api.ReplicaVersionsBody;
import io.dynamo.api.VersionBody;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code key KEY}: the key's versions on every replica, side by side, and their merge. */
@Command(name = "key", description = "A key's versions on each of its replicas (and on any fallback holding a hint"
        + " for it), how each copy compares with the merge, and the merge itself. Nothing is repaired.")
final class KeyCommand implements Callable<Integer> {
    private static final int VALUE_CHARS = 40;
    private final Context context;

    @Parameters(paramLabel = "KEY", description = "The key, as text (UTF-8).")
    String key;

    KeyCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (key.isEmpty()) {
            throw CliFailure.usage("KEY must not be empty.");
        }
        KeyVersionsBody versions = context.cluster().admin().keyVersions(key);
        context.print(versions, render(versions));
        return ExitCode.OK;
    }

    static String render(KeyVersionsBody body) {
        StringBuilder text = new StringBuilder("key ").append(body.key()).append(" (partition ")
                .append(body.partition()).append(", from ").append(body.answeredBy()).append(")\n");
        List<VersionBody> merged = body.merged().siblings();
        text.append("merged: ").append(merged.isEmpty() ? "no copy holds it" : siblings(merged))
                .append(merged.isEmpty() ? "" : "; clock " + clock(body.merged().clock())).append("\n\n");
        Table table = new Table("NODE", "ROLE", "COPY", "CLOCK", "SIBLINGS");
        for (ReplicaVersionsBody copy : body.replicas()) {
            String role = copy.replica() ? "replica" : "hint";
            if (copy.error() != null) {
                table.row(copy.node(), role, "no answer", "-", copy.error());
            } else {
                table.row(copy.node(), role, Cells.orDash(copy.relation()), clock(copy.clock()),
                        copy.siblings().isEmpty() ? "-" : siblings(copy.siblings()));
            }
        }
        return text.append(table.render()).toString();
    }

    private static String clock(List<ClockEntryBody> clock) {
        return clock == null || clock.isEmpty() ? "-"
                : clock.stream().map(e -> e.actor() + ":" + e.counter()).collect(Collectors.joining(" "));
    }

    private static String siblings(List<VersionBody> siblings) {
        return siblings.stream().map(KeyCommand::sibling).collect(Collectors.joining(", "));
    }

    /** A sibling in a few characters: text quoted and cut, other bytes counted, a delete as such. */
    static String sibling(VersionBody v) {
        String shown;
        if (v.tombstone()) {
            shown = "(deleted)";
        } else {
            byte[] bytes = v.value() == null ? new byte[0] : Base64.getDecoder().decode(v.value());
            String text = utf8(bytes);
            shown = text == null || !isText(v.contentType()) ? "<" + bytes.length + " bytes "
                    + Cells.orDash(v.contentType()) + ">"
                    : "\"" + (text.length() > VALUE_CHARS ? text.substring(0, VALUE_CHARS) + "..." : text) + "\"";
        }
        return shown + (v.superseded() ? " (superseded)" : "");
    }

    private static boolean isText(String contentType) {
        return contentType != null && (contentType.startsWith("text/") || contentType.contains("json")
                || contentType.contains("xml"));
    }

    private static String utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            return text.codePoints().allMatch(c -> c >= 0x20 || c == '\t') ? text : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
