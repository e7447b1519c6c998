package io.dynamo.admin;

import io.dynamo.api.HealthBody;
import io.dynamo.api.TransferBody;
import io.dynamo.api.TransfersBody;
import java.util.Locale;

/** How values read in a table cell: ages, sizes, health, a node's transfers in a few words. */
final class Cells {
    private Cells() {
    }

    static String age(Long millis) {
        if (millis == null) {
            return "-";
        }
        long seconds = millis / 1000;
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min";
        }
        return seconds < 172_800 ? seconds / 3600 + " h" : seconds / 86_400 + " d";
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    static String reachability(HealthBody health) {
        return health == null || health.reachability() == null ? "-" : health.reachability();
    }

    static String rtt(HealthBody health) {
        return health == null || health.rttMillis() == null ? "-"
                : String.format(Locale.ROOT, "%.1f ms", health.rttMillis());
    }

    static String orDash(Object value) {
        return value == null || value.toString().isEmpty() ? "-" : value.toString();
    }

    /** "idle", or how many transfers are pending and running. */
    static String transfers(TransfersBody body) {
        if (body.idle()) {
            return "idle";
        }
        long pending = count(body, "PENDING");
        long running = count(body, "RUNNING");
        return pending + " pending, " + running + " running";
    }

    static long count(TransfersBody body, String status) {
        return body.transfers() == null ? 0 : body.transfers().stream().map(TransferBody::status)
                .filter(status::equals).count();
    }
}
