package org.comptoir.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.comptoir.support.ApiTest;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Statements sent together (one round trip) and the statistics of bulk loads, on the test database
 * (H2 or PostgreSQL), against a table of their own.
 */
class RenderedSqlTest extends ApiTest {

    private static final Table<?> PROBE = DSL.table(DSL.name("rendered_sql_probe"));
    private static final Field<Integer> ID = DSL.field(DSL.name("id"), SQLDataType.INTEGER);
    private static final Field<String> LABEL = DSL.field(DSL.name("label"), SQLDataType.VARCHAR(40));
    private static final Field<Integer> STOCK = DSL.field(DSL.name("stock"), SQLDataType.INTEGER);

    @Autowired
    DSLContext db;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    PlannerStatistics statistics;

    private TransactionTemplate transaction;

    @BeforeEach
    void probeTable() {
        transaction = new TransactionTemplate(transactions);
        db.dropTableIfExists(PROBE).execute();
        db.createTable(PROBE).column(ID, SQLDataType.INTEGER.notNull()).column(LABEL).column(STOCK)
                .primaryKey(ID).execute();
    }

    @Test
    void statementsSentTogetherAllRunInOrderAndManyRowsAreSplitIntoSeveralInserts() {
        RenderedSql insert = RenderedSql.insert(db, PROBE, ID, LABEL, STOCK);
        RenderedSql relabel = RenderedSql.of(db, db.update(PROBE).set(LABEL, DSL.param("label", String.class))
                .where(ID.eq(DSL.param("id", Integer.class))), "label", "id");
        List<Object[]> rows = new ArrayList<>();
        IntStream.rangeClosed(1, 70).forEach(i -> rows.add(new Object[] {i, "row " + i, i * 10}));

        transaction.executeWithoutResult(status -> RenderedSql.together(db).addRows(insert, rows)
                .add(insert, 71, "alone", 0).add(relabel, "changed after its insert", 70).execute());

        assertThat(db.fetchCount(PROBE)).isEqualTo(71);
        assertThat(db.select(LABEL, STOCK).from(PROBE).where(ID.eq(69)).fetchOne().into(Object[].class))
                .containsExactly("row 69", 690);
        assertThat(db.select(LABEL).from(PROBE).where(ID.eq(70)).fetchOne(LABEL))
                .isEqualTo("changed after its insert");
        assertThat(db.select(LABEL).from(PROBE).where(ID.eq(71)).fetchOne(LABEL)).isEqualTo("alone");
    }

    @Test
    void aFailingStatementAmongOthersThrowsAndItsTransactionWritesNothing() {
        RenderedSql insert = RenderedSql.insert(db, PROBE, ID, LABEL, STOCK);
        insert.execute(1, "there before", 5);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> RenderedSql.together(db)
                .add(insert, 2, "new", 1).add(insert, 1, "same key", 1).add(insert, 3, "after", 1).execute()))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(db.select(ID).from(PROBE).fetch(ID)).containsExactly(1);
    }

    @Test
    void conditionalUpdatesSentTogetherEachAnswerTheirOwnRowsInOrder() {
        RenderedSql insert = RenderedSql.insert(db, PROBE, ID, LABEL, STOCK);
        RenderedSql.together(db).addRows(insert, List.of(new Object[] {1, "a", 5}, new Object[] {2, "b", 0},
                new Object[] {3, "c", 2})).execute();
        RenderedSql take = RenderedSql.of(db, db.update(PROBE).set(STOCK, STOCK.minus(DSL.param("q", Integer.class)))
                .where(ID.eq(DSL.param("id", Integer.class)), STOCK.ge(DSL.param("needed", Integer.class)))
                .returning(ID, STOCK), "q", "id", "needed");

        List<List<Integer>> answers = transaction.execute(status -> RenderedSql.together(db)
                .add(take, 1, 1, 1).add(take, 1, 2, 1).add(take, 2, 3, 2)
                .fetchEach(rs -> rs.getInt(1) * 100 + rs.getInt(2)));

        // Stock left after each: 1 had 5 (4 left), 2 had none (no row), 3 had 2 (none left).
        assertThat(answers).containsExactly(List.of(104), List.of(), List.of(300));
        assertThat(db.select(STOCK).from(PROBE).orderBy(ID).fetch(STOCK)).containsExactly(4, 0, 0);
    }

    @Test
    void statementsAnsweringRowsOfDifferentShapesAreEachMappedTheirOwnWay() {
        RenderedSql insert = RenderedSql.insert(db, PROBE, ID, LABEL, STOCK);
        RenderedSql.together(db).addRows(insert, List.of(new Object[] {1, "a", 5}, new Object[] {2, "b", 7}))
                .execute();
        RenderedSql bump = RenderedSql.of(db, db.update(PROBE).set(STOCK, STOCK.plus(DSL.inline(1)))
                .where(ID.eq(DSL.param("id", Integer.class))).returning(STOCK), "id");
        RenderedSql labels = RenderedSql.of(db, db.select(LABEL, STOCK).from(PROBE).where(ID.ge(DSL.param("from",
                Integer.class))).orderBy(ID), "from");

        List<List<Object>> answers = transaction.execute(status -> RenderedSql.together(db).add(bump, 2)
                .add(labels, 1).fetchEach(List.<RenderedSql.Row<?>>of(rs -> rs.getInt(1),
                        rs -> rs.getString(1) + "#" + rs.getInt(2))));

        // The select runs after the update, in the same transaction: it reads the bumped row.
        assertThat(answers).containsExactly(List.of(8), List.of("a#5", "b#8"));
        assertThatThrownBy(() -> RenderedSql.together(db).add(labels, 1).fetchEach(List.<RenderedSql.Row<?>>of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesAnsweringNoRowsGoAmongReadsAndAMappingThatDoesNotFitItsStatementIsRefused() {
        RenderedSql insert = RenderedSql.insert(db, PROBE, ID, LABEL, STOCK);
        RenderedSql bump = RenderedSql.of(db, db.update(PROBE).set(STOCK, STOCK.plus(DSL.inline(1)))
                .where(ID.eq(DSL.param("id", Integer.class))).returning(STOCK), "id");
        RenderedSql labels = RenderedSql.of(db, db.select(LABEL).from(PROBE).orderBy(ID));
        insert.execute(1, "a", 5);

        List<List<Object>> answers = transaction.execute(status -> RenderedSql.together(db).add(bump, 1)
                .add(insert, 2, "b", 0).add(labels).fetchEach(java.util.Arrays.<RenderedSql.Row<?>>asList(
                        rs -> rs.getInt(1), null, rs -> rs.getString(1))));

        // The insert answers nothing, and the select after it reads its row.
        assertThat(answers).containsExactly(List.of(6), List.of(), List.of("a", "b"));
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> RenderedSql.together(db)
                .add(labels).add(insert, 3, "c", 0)
                .fetchEach(java.util.Arrays.<RenderedSql.Row<?>>asList(null, rs -> rs.getString(1)))))
                .isInstanceOf(RuntimeException.class);
        assertThat(db.select(ID).from(PROBE).orderBy(ID).fetch(ID)).containsExactly(1, 2);
    }

    @Test
    void statementsCommittedAsynchronouslyRunAsOthersAndOnlyTheirTransactionSkipsTheWaitForTheDisk() {
        RenderedSql insert = RenderedSql.insert(db, PROBE, ID, LABEL, STOCK);
        RenderedSql labels = RenderedSql.of(db, db.select(LABEL).from(PROBE).orderBy(ID));
        boolean postgres = db.dialect().family() == SQLDialect.POSTGRES;

        String during = transaction.execute(status -> {
            var together = RenderedSql.together(db).committedAsynchronously().committedAsynchronously()
                    .add(insert, 1, "a", 0).add(labels);
            assertThat(together.size()).as("the setting is not one of the caller's statements").isEqualTo(2);
            var answers = together.fetchEach(java.util.Arrays.<RenderedSql.Row<?>>asList(null, rs -> rs.getString(1)));
            assertThat(answers).containsExactly(List.of(), List.of("a"));
            return postgres ? setting() : null;
        });
        transaction.executeWithoutResult(status -> RenderedSql.together(db).committedAsynchronously()
                .add(insert, 2, "b", 0).execute());

        assertThat(db.select(LABEL).from(PROBE).orderBy(ID).fetch(LABEL)).containsExactly("a", "b");
        if (postgres) {
            assertThat(during).isEqualTo("off");
            String next = transaction.execute(status -> setting());
            assertThat(next).as("the next transaction").isEqualTo("on");
        }
    }

    @Test
    void aReadSentWithOthersIsAnsweredToItsOwnHandleInTheOrderItWasAdded() {
        RenderedSql insert = RenderedSql.insert(db, PROBE, ID, LABEL, STOCK);
        RenderedSql labels = RenderedSql.of(db, db.select(LABEL).from(PROBE).orderBy(ID));
        RenderedSql stockOf = RenderedSql.of(db, db.select(STOCK).from(PROBE).where(ID.eq(DSL.param("id", Integer.class))),
                "id");

        var answers = transaction.execute(status -> {
            var together = RenderedSql.together(db).committedAsynchronously().add(insert, 1, "a", 7);
            RenderedSql.Later<Integer> before = together.addRead(stockOf, rs -> rs.getInt(1), 2);
            together.add(insert, 2, "b", 9);
            RenderedSql.Later<Integer> after = together.addRead(stockOf, rs -> rs.getInt(1), 2);
            together.add(labels);
            assertThatThrownBy(before::rows).isInstanceOf(IllegalStateException.class);
            assertThat(together.size()).isEqualTo(3);
            var theirs = together.fetchEach(java.util.Arrays.<RenderedSql.Row<?>>asList(null, null,
                    rs -> rs.getString(1)));
            return List.of(theirs, before.rows(), after.rows());
        });

        assertThat(answers).containsExactly(List.of(List.of(), List.of(), List.of("a", "b")), List.of(), List.of(9));
        // Writes alone with a read among them still run, the read answered.
        RenderedSql.Later<Integer> read = transaction.execute(status -> {
            var together = RenderedSql.together(db).add(insert, 3, "c", 1);
            var later = together.addRead(stockOf, rs -> rs.getInt(1), 3);
            together.execute();
            return later;
        });
        assertThat(read.rows()).containsExactly(1);
    }

    private String setting() {
        return String.valueOf(db.fetchValue("select current_setting('synchronous_commit')"));
    }

    @Test
    void aCommittedBulkLoadLeavesTheTableAnalyzedAndARolledBackOneDoesNot() {
        assumeTrue(db.dialect().family() == SQLDialect.POSTGRES, "statistics are read from PostgreSQL's views");
        RenderedSql insert = RenderedSql.insert(db, PROBE, ID, LABEL, STOCK);
        List<Object[]> rows = new ArrayList<>();
        IntStream.rangeClosed(1, PlannerStatistics.BULK_ROWS).forEach(i -> rows.add(new Object[] {i, "r", i}));

        transaction.executeWithoutResult(status -> {
            RenderedSql.together(db).addRows(insert, rows).execute();
            statistics.written(rows.size(), PROBE);
            status.setRollbackOnly();
        });
        assertThat(analyzed()).isFalse();

        transaction.executeWithoutResult(status -> {
            RenderedSql.together(db).addRows(insert, rows).execute();
            statistics.written(rows.size() - 1, PROBE);
        });
        assertThat(analyzed()).as("fewer rows than a bulk load").isFalse();

        transaction.executeWithoutResult(status -> {
            db.deleteFrom(PROBE).execute();
            RenderedSql.together(db).addRows(insert, rows).execute();
            statistics.written(rows.size(), PROBE);
        });
        assertThat(analyzed()).isTrue();
    }

    private boolean analyzed() {
        Number tuples = (Number) db.fetchValue("select reltuples from pg_class where relname = 'rendered_sql_probe'");
        return tuples.doubleValue() >= PlannerStatistics.BULK_ROWS;
    }
}
