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

    private final DSLContext db;
    private final String sql;

    private RenderedSql(DSLContext db, String sql) {
        this.db = db;
        this.sql = sql;
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

    /** {@code insert into table (columns) values (?, …)}: rows are bound column by column. */
    public static RenderedSql insert(DSLContext db, Table<?> table, Field<?>... columns) {
        List<Field<?>> placeholders = new ArrayList<>();
        for (Field<?> column : columns) {
            placeholders.add(DSL.param(column.getName(), column.getDataType()));
        }
        return of(db, db.insertInto(table).columns(columns).values(placeholders));
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

    /**
     * Inserts one row per element in one JDBC batch (one round trip for all of them); a row that
     * changed nothing is an error, so this is for inserts, not for conditional updates.
     */
    public void insertAll(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (rows.size() == 1) {
            execute(rows.getFirst());
            return;
        }
        db.connection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    bind(statement, row);
                    statement.addBatch();
                }
                int[] counts = statement.executeBatch();
                if (Arrays.stream(counts).anyMatch(count -> count == 0)) {
                    throw new IllegalStateException("a batched row changed nothing: " + sql);
                }
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
                List<T> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row.map(rs));
                    }
                }
                return rows;
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
