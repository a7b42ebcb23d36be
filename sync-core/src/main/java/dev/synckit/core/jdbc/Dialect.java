package dev.synckit.core.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The SQL that differs between the supported databases. */
enum Dialect {
    H2("h2") {
        @Override
        String upsert(String table, String keyColumns, String columns) {
            return "MERGE INTO " + table + " (" + columns + ") KEY (" + keyColumns + ") VALUES (" + placeholders(columns) + ")";
        }

        @Override
        String insertIgnore(String table, String keyColumns, String columns) {
            return upsert(table, keyColumns, columns);
        }
    },
    POSTGRESQL("postgresql") {
        @Override
        String upsert(String table, String keyColumns, String columns) {
            StringBuilder set = new StringBuilder();
            for (String c : columns.split(",")) {
                String col = c.trim();
                if (!(", " + keyColumns + ",").replace(" ", "").contains("," + col + ",")) {
                    set.append(set.length() == 0 ? "" : ", ").append(col).append(" = EXCLUDED.").append(col);
                }
            }
            return "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders(columns) + ") ON CONFLICT ("
                    + keyColumns + ") DO UPDATE SET " + set;
        }

        @Override
        String insertIgnore(String table, String keyColumns, String columns) {
            return "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders(columns) + ") ON CONFLICT ("
                    + keyColumns + ") DO NOTHING";
        }
    };

    private final String resourceDir;

    Dialect(String resourceDir) {
        this.resourceDir = resourceDir;
    }

    /** The classpath folder of this dialect's migrations. */
    String migrationPath(int version) {
        return "/dev/synckit/core/jdbc/" + resourceDir + "/V" + version + "__schema.sql";
    }

    /** Insert, or update the non-key columns of the existing row. */
    abstract String upsert(String table, String keyColumns, String columns);

    /** Insert unless a row with the key exists. */
    abstract String insertIgnore(String table, String keyColumns, String columns);

    static String placeholders(String columns) {
        return String.join(", ", java.util.Collections.nCopies(columns.split(",").length, "?"));
    }

    static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("h2")) {
            return H2;
        }
        throw new SQLException("unsupported database " + product + ": SyncKit supports H2 and PostgreSQL");
    }
}
