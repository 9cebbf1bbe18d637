package org.flatspace.workflows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The intended authorisation of the workflow services as written in {@code authorisation-matrix.csv}:
 * a line per method and fixture, a column per caller, an outcome in each cell. Lines starting with
 * {@code #} are comments; cells are trimmed, so the table can be aligned. (The portal's API matrix is
 * read the same way, with a path column.)
 */
final class AuthorisationMatrix {

    /** The columns before the callers'. */
    private static final List<String> KEY = List.of("method", "on");

    /**
     * One line: a service method ({@code CapacityRequestService.submit}) called on a fixture, and the
     * outcome each caller must get.
     */
    record Row(int line, String method, String on, Map<String, String> expected) {
    }

    private final List<String> callers;
    private final List<Row> rows;

    private AuthorisationMatrix(List<String> callers, List<Row> rows) {
        this.callers = callers;
        this.rows = rows;
    }

    static AuthorisationMatrix read(String resource) {
        InputStream in = AuthorisationMatrix.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("No " + resource + " on the test class path");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(resource, reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AuthorisationMatrix parse(String resource, List<String> lines) {
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.split(",", -1)).map(String::strip).toList();
            if (header == null) {
                if (!cells.subList(0, KEY.size()).equals(KEY)) {
                    throw new IllegalStateException(resource + ":" + (i + 1) + ": the header starts with " + KEY);
                }
                header = cells;
                continue;
            }
            if (cells.size() != header.size()) {
                throw new IllegalStateException(resource + ":" + (i + 1) + ": " + cells.size() + " cells, the header has "
                        + header.size());
            }
            Map<String, String> expected = new LinkedHashMap<>();
            for (int c = KEY.size(); c < header.size(); c++) {
                expected.put(header.get(c), cells.get(c));
            }
            rows.add(new Row(i + 1, cells.get(0), cells.get(1), expected));
        }
        if (header == null) {
            throw new IllegalStateException(resource + " has no header");
        }
        return new AuthorisationMatrix(List.copyOf(header.subList(KEY.size(), header.size())), List.copyOf(rows));
    }

    List<String> callers() {
        return callers;
    }

    List<Row> rows() {
        return rows;
    }
}
