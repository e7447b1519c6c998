package io.dynamo.infra.xodus;

import io.dynamo.core.base.Key;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** Run in a child JVM by {@link XodusCrashTest}: writes keys forever, printing each one once it is committed. */
public final class KillDuringWrites {
    private KillDuringWrites() {
    }

    public static void main(String[] args) {
        XodusStorageEngine engine = XodusStorageEngine.open(Path.of(args[0]), Duration.ZERO);
        for (long i = 1; ; i++) {
            long n = i;
            Value v = Value.of(("value-" + n).getBytes(StandardCharsets.UTF_8), "text/plain");
            engine.update(Key.of("key-" + n), s -> s.put(Context.EMPTY, new Dot("a", n), v, n, 10));
            System.out.println("acked " + n);
            System.out.flush();
        }
    }
}
