package io.dynamo.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** A text table with aligned columns: numbers right-aligned, the rest left-aligned, two spaces between. */
final class Table {
    /** A number, maybe with a unit (12, 2.9 KiB, 50.0%, 3 min), or - (none) or ? (unknown). */
    private static final Pattern NUMBER = Pattern.compile("-?[0-9][0-9.,]*%?( ?[a-zA-Z]{1,3})?|-|\\?");
    private final String[] headers;
    private final List<String[]> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = headers.clone();
    }

    Table row(Object... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException(cells.length + " cells for " + headers.length + " columns");
        }
        rows.add(Arrays.stream(cells).map(c -> c == null ? "" : String.valueOf(c)).toArray(String[]::new));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    String render() {
        int[] widths = new int[headers.length];
        boolean[] numeric = new boolean[headers.length];
        for (int c = 0; c < headers.length; c++) {
            widths[c] = headers[c].length();
            numeric[c] = !rows.isEmpty();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
                numeric[c] &= row[c].isEmpty() || NUMBER.matcher(row[c]).matches();
            }
        }
        StringBuilder text = new StringBuilder();
        line(text, headers, widths, numeric);
        for (String[] row : rows) {
            line(text, row, widths, numeric);
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String[] cells, int[] widths, boolean[] numeric) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            String pad = " ".repeat(widths[c] - cells[c].length());
            line.append(c == 0 ? "" : "  ").append(numeric[c] ? pad + cells[c] : cells[c] + pad);
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }
}
