package org.comptoir.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;

/**
 * A statement of a hot path (placing an order, holding stock), written with jOOQ from the generated
 * tables and rendered once, then only bound and run through JDBC on the transaction's connection.
 * Rendering a query is more work for the application than the database spends running it: on the
 * order path it was the largest single cost of the JVM. Values are bound in the order of the
 * {@link DSL#param} placeholders (or of the columns, for {@link #insert}); instants are sent as UTC
 * offset date-times, so the same statement runs on PostgreSQL and H2.
 */
public final class RenderedSql {

    /** Maps the current row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** A placeholder as jOOQ renders it with names: a value given without a name shows as its position. */
    private static final Pattern NAMED = Pattern.compile(":([A-Za-z0-9_]+)");
    private static final Map<String, SQLErrorCodeSQLExceptionTranslator> TRANSLATORS = new ConcurrentHashMap<>();

    /** More rows than this in one insert are split, so that a statement stays well under any bind limit. */
    private static final int MAX_ROWS_PER_INSERT = 64;

    /** See {@link Together#committedAsynchronously}: it holds until the transaction ends. */
    private static final String ASYNCHRONOUS_COMMIT = "set local synchronous_commit to off";

    private final DSLContext db;
    private final String sql;
    /** For {@link #insert}: the columns, and the statement rendered for each number of rows asked. */
    private final Table<?> table;
    private final Field<?>[] columns;
    private final Map<Integer, String> rowsSql = new ConcurrentHashMap<>();

    private RenderedSql(DSLContext db, String sql) {
        this(db, sql, null, null);
    }

    private RenderedSql(DSLContext db, String sql, Table<?> table, Field<?>[] columns) {
        this.db = db;
        this.sql = sql;
        this.table = table;
        this.columns = columns;
    }

    /** A query whose values are {@link DSL#param} placeholders. */
    public static RenderedSql of(DSLContext db, Query query) {
        return new RenderedSql(db, db.render(query));
    }

    /**
     * A query whose values are named {@link DSL#param} placeholders, checked once to be rendered in
     * the order the caller binds them: a change of jOOQ's rendering fails at start, not at the till,
     * and so does a constant left as a value ({@code plus(1)} rather than {@code plus(inline(1))}).
     */
    public static RenderedSql of(DSLContext db, Query query, String... bindOrder) {
        List<String> rendered = new ArrayList<>();
        Matcher name = NAMED.matcher(db.renderNamedParams(query));
        while (name.find()) {
            rendered.add(name.group(1));
        }
        if (!rendered.equals(List.of(bindOrder))) {
            throw new IllegalStateException("parameters rendered as " + rendered + ", bound as "
                    + List.of(bindOrder));
        }
        return of(db, query);
    }

    /**
     * {@code count} placeholders named {@code name0}, {@code name1}…: the values of an {@code in} list
     * whose statement is rendered once per list size.
     */
    public static <T> List<Field<T>> numbered(String name, int count, Class<T> type) {
        List<Field<T>> placeholders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            placeholders.add(DSL.param(name + i, type));
        }
        return placeholders;
    }

    /** The names of {@link #numbered} placeholders, in order, for a bind order. */
    public static List<String> numberedNames(String name, int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(name + i);
        }
        return names;
    }

    /** {@code insert into table (columns) values (?, …)}: rows are bound column by column. */
    public static RenderedSql insert(DSLContext db, Table<?> table, Field<?>... columns) {
        return new RenderedSql(db, renderInsert(db, table, columns, 1), table, columns.clone());
    }

    private static String renderInsert(DSLContext db, Table<?> table, Field<?>[] columns, int rows) {
        List<Field<?>> placeholders = new ArrayList<>();
        for (Field<?> column : columns) {
            placeholders.add(DSL.param(column.getName(), column.getDataType()));
        }
        var insert = db.insertInto(table).columns(columns).values(placeholders);
        for (int row = 1; row < rows; row++) {
            insert = insert.values(placeholders);
        }
        return db.render(insert);
    }

    /**
     * Statements sent together, in one round trip: one JDBC statement holding several SQL statements
     * (which both drivers run in order, the first error stopping the rest). For the writes of a hot
     * path that need no answer, such as an order's rows: each statement sent alone costs the
     * application and the database a network exchange and a wake-up each, more than inserting a row.
     */
    public static Together together(DSLContext db) {
        return new Together(db);
    }

    /** See {@link #together}. */
    public static final class Together {

        private final DSLContext db;
        private final List<String> statements = new ArrayList<>();
        private final List<List<Object>> values = new ArrayList<>();
        /**
         * Per statement, null for the caller's own (answered by {@link #fetchEach}), or the handle of a
         * statement answered elsewhere: a {@link #addRead read} or the {@link #committedAsynchronously}
         * setting.
         */
        private final List<Later<?>> answeredElsewhere = new ArrayList<>();
        private boolean asynchronousCommit;

        private Together(DSLContext db) {
            this.db = db;
        }

        /**
         * Lets the transaction these statements run in commit without waiting for its changes to reach
         * the disk (PostgreSQL's {@code synchronous_commit} off, for that transaction alone), at no
         * extra round trip. For drafts only, such as a cart, whose last changes a crash of the database
         * server may lose, whole transactions at a time and never half of one: an order, a payment or a
         * stock movement must never be written in such a transaction. A transaction that commits
         * normally afterwards makes everything committed before it durable too. Nothing on H2, whose
         * commits work differently.
         */
        public Together committedAsynchronously() {
            if (!asynchronousCommit && db.dialect().family() == SQLDialect.POSTGRES) {
                statements.addFirst(ASYNCHRONOUS_COMMIT);
                values.addFirst(List.of());
                answeredElsewhere.addFirst(new Later<>(null));
                asynchronousCommit = true;
            }
            return this;
        }

        /**
         * Adds a read whose rows go to the answer returned rather than to {@link #fetchEach}: for another
         * module's read sent in the caller's round trip. The answer is there once the statements ran.
         */
        public <T> Later<T> addRead(RenderedSql statement, Row<T> row, Object... statementValues) {
            Later<T> later = new Later<>(row);
            statements.add(statement.sql);
            values.add(Arrays.asList(statementValues));
            answeredElsewhere.add(later);
            return later;
        }

        /** Adds a statement with its values. */
        public Together add(RenderedSql statement, Object... statementValues) {
            statements.add(statement.sql);
            values.add(Arrays.asList(statementValues));
            answeredElsewhere.add(null);
            return this;
        }

        /** Adds the rows of an {@link #insert} as multi-row inserts (nothing when there are none). */
        public Together addRows(RenderedSql insert, List<Object[]> rows) {
            if (insert.table == null) {
                throw new IllegalArgumentException("not an insert of RenderedSql.insert: " + insert.sql);
            }
            for (int from = 0; from < rows.size(); from += MAX_ROWS_PER_INSERT) {
                List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + MAX_ROWS_PER_INSERT));
                List<Object> partValues = new ArrayList<>(part.size() * insert.columns.length);
                for (Object[] row : part) {
                    if (row.length != insert.columns.length) {
                        throw new IllegalArgumentException(row.length + " values for " + insert.columns.length
                                + " columns: " + insert.sql);
                    }
                    partValues.addAll(Arrays.asList(row));
                }
                statements.add(insert.rowsSql.computeIfAbsent(part.size(),
                        n -> renderInsert(insert.db, insert.table, insert.columns, n)));
                values.add(partValues);
                answeredElsewhere.add(null);
            }
            return this;
        }

        /**
         * How many of the caller's statements are to be sent (the rows of {@link #addRows} may take
         * several), those answered elsewhere left out.
         */
        public int size() {
            return (int) answeredElsewhere.stream().filter(java.util.Objects::isNull).count();
        }

        /** Runs them all; a failing one (a duplicate key) throws, and the transaction rolls back. */
        public void execute() {
            if (answeredElsewhere.stream().anyMatch(later -> later != null && later.row != null)) {
                fetchEach(java.util.Collections.nCopies(size(), null));
            } else if (!statements.isEmpty()) {
                new RenderedSql(db, String.join(";\n", statements)).execute(allValues());
            }
        }

        /**
         * Runs them all, in order, and maps the rows each one answers (statements returning rows, such
         * as conditional updates with {@code returning}). A driver that cannot answer several results
         * from one statement (H2) gets them one at a time.
         */
        public <T> List<List<T>> fetchEach(Row<T> row) {
            return fetchEach(java.util.Collections.nCopies(size(), row));
        }

        /**
         * The same with a mapping per statement, for statements answering rows of different shapes; a
         * null mapping marks a statement answering none (an insert or an update among the reads), whose
         * answer is empty.
         */
        public <T> List<List<T>> fetchEach(List<? extends Row<? extends T>> rowOfEach) {
            if (rowOfEach.size() != size()) {
                throw new IllegalArgumentException(rowOfEach.size() + " mappings for " + size() + " statements");
            }
            if (size() == statements.size()) {
                return fetchAll(rowOfEach);
            }
            List<Row<?>> all = new ArrayList<>(statements.size());
            var callers = rowOfEach.iterator();
            for (Later<?> later : answeredElsewhere) {
                all.add(later == null ? callers.next() : later.row);
            }
            List<List<Object>> answers = fetchAll(all);
            List<List<T>> theirs = new ArrayList<>(rowOfEach.size());
            for (int i = 0; i < answers.size(); i++) {
                Later<?> later = answeredElsewhere.get(i);
                if (later == null) {
                    @SuppressWarnings("unchecked") // mapped by the caller's row of this statement
                    List<T> answer = (List<T>) answers.get(i);
                    theirs.add(answer);
                } else {
                    later.rows = answers.get(i);
                }
            }
            return theirs;
        }

        private <T> List<List<T>> fetchAll(List<? extends Row<? extends T>> rowOfEach) {
            List<List<T>> answers = new ArrayList<>(statements.size());
            if (statements.size() == 1 || !db.connectionResult(c -> c.getMetaData().supportsMultipleResultSets())) {
                for (int i = 0; i < statements.size(); i++) {
                    RenderedSql one = new RenderedSql(db, statements.get(i));
                    Object[] oneValues = values.get(i).toArray();
                    if (rowOfEach.get(i) == null) {
                        one.execute(oneValues);
                        answers.add(List.of());
                    } else {
                        answers.add(new ArrayList<T>(one.fetch(rowOfEach.get(i), oneValues)));
                    }
                }
                return answers;
            }
            String sql = String.join(";\n", statements);
            db.connection(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    bind(statement, allValues());
                    boolean isRows = statement.execute();
                    for (int i = 0; i < statements.size(); i++) {
                        if (isRows != (rowOfEach.get(i) != null)) {
                            throw new IllegalStateException("statement " + i + (isRows ? " answered rows: "
                                    : " answered no rows: ") + sql);
                        }
                        if (isRows) {
                            try (ResultSet rs = statement.getResultSet()) {
                                answers.add(rows(rs, rowOfEach.get(i)));
                            }
                        } else {
                            answers.add(List.of());
                        }
                        isRows = statement.getMoreResults();
                    }
                } catch (SQLException e) {
                    throw translated(connection, sql, e);
                }
            });
            return answers;
        }

        private Object[] allValues() {
            return values.stream().flatMap(List::stream).toArray();
        }
    }

    /** The rows of a statement {@link Together#addRead sent with others}, once they have run. */
    public static final class Later<T> {

        private final Row<T> row;
        private List<?> rows;

        private Later(Row<T> row) {
            this.row = row;
        }

        /** The rows read; refused before the statements were sent. */
        @SuppressWarnings("unchecked") // mapped by this read's own row
        public List<T> rows() {
            if (rows == null) {
                throw new IllegalStateException("the statements this read was sent with have not run");
            }
            return (List<T>) rows;
        }
    }

    private static <T> List<T> rows(ResultSet rs, Row<? extends T> row) throws SQLException {
        List<T> rows = new ArrayList<>();
        while (rs.next()) {
            rows.add(row.map(rs));
        }
        return rows;
    }

    /** Runs the statement once; the number of rows it changed. */
    public int execute(Object... values) {
        return db.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, values);
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw translated(connection, e);
            }
        });
    }

    /** Runs a query (or a statement returning rows) and maps each row. */
    public <T> List<T> fetch(Row<T> row, Object... values) {
        return db.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, values);
                try (ResultSet rs = statement.executeQuery()) {
                    return rows(rs, row);
                }
            } catch (SQLException e) {
                throw translated(connection, e);
            }
        });
    }

    /**
     * The exception Spring's data access layer would give for it (a duplicate key, a lock that could
     * not be had), as jOOQ's own queries give through Spring Boot's translator.
     */
    private RuntimeException translated(Connection connection, SQLException e) throws SQLException {
        return translated(connection, sql, e);
    }

    private static RuntimeException translated(Connection connection, String sql, SQLException e)
            throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        DataAccessException translated = TRANSLATORS.computeIfAbsent(product, SQLErrorCodeSQLExceptionTranslator::new)
                .translate("RenderedSql", sql, e);
        return translated != null ? translated : new UncategorizedSQLException("RenderedSql", sql, e);
    }

    private static void bind(PreparedStatement statement, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (value instanceof Instant instant) {
                statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    /** Reads an instant column (a timestamp with time zone). */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** Reads a nullable integer column. */
    public static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    @Override
    public String toString() {
        return sql;
    }
}
