package org.comptoir.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.MDC;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Which writes reached the database for good, per request: the test context's data source is wrapped
 * so that every INSERT, UPDATE, DELETE or MERGE a connection runs (through jOOQ, plain JDBC or the
 * event registry alike) is noted against the correlation id of the request whose thread ran it, and
 * kept once its transaction commits (at once without a transaction), dropped when it rolls back. A
 * test sends its own {@code X-Correlation-Id} and asks what that request committed.
 */
@TestConfiguration(proxyBeanMethods = false)
public class WriteJournal {

    private static final Pattern DML = Pattern.compile(
            "(?is)^\\s*(insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+([\\w.\"]+)");
    private static final Map<String, List<String>> COMMITTED = new ConcurrentHashMap<>();

    /** The tables written for good by the request of this correlation id ("table: statement start"). */
    public static List<String> committedBy(String correlationId) {
        return List.copyOf(COMMITTED.getOrDefault(correlationId, List.of()));
    }

    @Bean
    static BeanPostProcessor writeJournalDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource && !(bean instanceof Journaled) ? wrap(dataSource) : bean;
            }
        };
    }

    /** Marks a data source already wrapped. */
    interface Journaled {}

    static DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(WriteJournal.class.getClassLoader(),
                new Class<?>[] {DataSource.class, Journaled.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection c && method.getName().equals("getConnection")
                            ? connection(c) : result;
                });
    }

    private static Connection connection(Connection target) {
        List<String> pending = new ArrayList<>();
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "commit" -> {
                    Object result = invoke(target, method, args);
                    flush(pending);
                    return result;
                }
                case "rollback" -> {
                    if (args == null || args.length == 0) {
                        pending.clear();
                    }
                    return invoke(target, method, args);
                }
                case "close" -> {
                    pending.clear();
                    return invoke(target, method, args);
                }
                case "prepareStatement", "prepareCall" -> {
                    Statement statement = (Statement) invoke(target, method, args);
                    return statement(statement, (String) args[0], target, pending);
                }
                case "createStatement" -> {
                    return statement((Statement) invoke(target, method, args), null, target, pending);
                }
                default -> {
                    return invoke(target, method, args);
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(WriteJournal.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    private static Statement statement(Statement target, String preparedSql, Connection connection,
            List<String> pending) {
        List<Class<?>> interfaces = new ArrayList<>();
        for (Class<?> type : List.of(java.sql.CallableStatement.class, java.sql.PreparedStatement.class,
                Statement.class)) {
            if (type.isInstance(target)) {
                interfaces.add(type);
            }
        }
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
                Object result = invoke(target, method, args);
                note(sql, connection, pending);
                return result;
            }
            return invoke(target, method, args);
        };
        return (Statement) Proxy.newProxyInstance(WriteJournal.class.getClassLoader(),
                interfaces.toArray(Class<?>[]::new), handler);
    }

    private static void note(String sql, Connection connection, List<String> pending) throws Exception {
        if (sql == null) {
            return;
        }
        for (String part : sql.split(";")) {
            Matcher m = DML.matcher(part);
            if (m.find()) {
                String entry = m.group(2).replace("\"", "").toLowerCase(Locale.ROOT) + ": "
                        + part.strip().substring(0, Math.min(80, part.strip().length()));
                pending.add(entry);
            }
        }
        if (connection.getAutoCommit()) {
            flush(pending);
        }
    }

    private static void flush(List<String> pending) {
        String request = MDC.get("correlationId");
        if (request != null && !pending.isEmpty()) {
            COMMITTED.computeIfAbsent(request, r -> new CopyOnWriteArrayList<>()).addAll(pending);
        }
        pending.clear();
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
