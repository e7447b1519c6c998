package io.dynamo.bench;

import io.dynamo.client.DynamoClient;
import io.dynamo.client.DynamoClientException;
import io.dynamo.client.KeyValues;
import io.dynamo.client.ReadOptions;
import io.dynamo.client.Versions;
import io.dynamo.client.WriteOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.Vector;
import java.util.logging.Level;
import java.util.logging.Logger;
import site.ycsb.ByteArrayByteIterator;
import site.ycsb.ByteIterator;
import site.ycsb.DB;
import site.ycsb.DBException;
import site.ycsb.Status;

/**
 * YCSB binding over {@link DynamoClient}, used as a real application would: a record's fields are one value
 * ({@link RecordCodec}); a read is a get (siblings merged field by field, {@link SiblingMerge}); an update reads
 * the record for its context, overlays the new fields and puts with that context, so it supersedes exactly what it
 * read; an insert is a blind put; a delete is a get for the context then a delete with it. Scans are not supported
 * (Dynamo has no ordered key access).
 *
 * <p>Properties: {@code dynamo.seeds} (comma-separated API bases, default
 * {@code http://127.0.0.1:8080/dynamo/api/v1/}), {@code dynamo.user} and {@code dynamo.password} (HTTP Basic,
 * optional), {@code dynamo.r} and {@code dynamo.w} (per-request quorums, default the cluster's),
 * {@code dynamo.timeout.ms} (read timeout, default 10000), {@code dynamo.update}: {@code read-modify-write} (the
 * default, above) or {@code remembered}: an update that writes every field of the record (YCSB's
 * {@code writeallfields=true}) needs nothing of the old record, so it is one put with the context the client
 * remembers from its last read or write of the key ({@link DynamoClient#update}), as an application that keeps its
 * contexts does; an update of some fields still reads first. {@code dynamo.table}: {@code prefix} (the default) keeps
 * a table's records in the default namespace under keys {@code TABLE/KEY}; {@code namespace} keeps them in the
 * namespace named as the table (YCSB's {@code table} property, {@code usertable} unless set), which must exist. YCSB
 * makes one instance per client thread; they share one {@link DynamoClient} (one connection pool, ring and remembered
 * contexts), as an application shares one.
 */
public class DynamoYcsbDb extends DB {
    private static final Logger LOG = Logger.getLogger(DynamoYcsbDb.class.getName());
    private static final Object LOCK = new Object();
    private static DynamoClient shared;
    private static int users;

    private DynamoClient client;
    private ReadOptions readOptions;
    private WriteOptions writeOptions;
    private boolean remembered;
    private boolean tablesAreNamespaces;
    private int fieldCount;

    @Override
    public void init() throws DBException {
        Properties p = getProperties();
        try {
            readOptions = p.containsKey("dynamo.r")
                    ? ReadOptions.quorum(Integer.parseInt(p.getProperty("dynamo.r"))) : ReadOptions.defaults();
            writeOptions = p.containsKey("dynamo.w")
                    ? WriteOptions.quorum(Integer.parseInt(p.getProperty("dynamo.w"))) : WriteOptions.defaults();
            fieldCount = Integer.parseInt(p.getProperty("fieldcount", "10"));
        } catch (RuntimeException e) {
            throw new DBException("dynamo.r, dynamo.w and fieldcount must be whole numbers (read and write quorums,"
                    + " fields per record): " + e.getMessage(), e);
        }
        String update = p.getProperty("dynamo.update", "read-modify-write");
        if (!update.equals("read-modify-write") && !update.equals("remembered")) {
            throw new DBException("dynamo.update must be read-modify-write or remembered, got '" + update + "'");
        }
        remembered = update.equals("remembered");
        String tables = p.getProperty("dynamo.table", "prefix");
        if (!tables.equals("prefix") && !tables.equals("namespace")) {
            throw new DBException("dynamo.table must be prefix (records in the default namespace under TABLE/KEY) or "
                    + "namespace (records in the namespace named as the table), got '" + tables + "'");
        }
        tablesAreNamespaces = tables.equals("namespace");
        synchronized (LOCK) {
            if (shared == null) {
                try {
                    shared = newClient(p);
                } catch (RuntimeException e) {
                    throw new DBException("cannot create the Dynamo client: " + e.getMessage(), e);
                }
            }
            users++;
            client = shared;
        }
    }

    static DynamoClient newClient(Properties p) {
        DynamoClient.Builder b = DynamoClient.builder()
                .readTimeout(Duration.ofMillis(Long.parseLong(p.getProperty("dynamo.timeout.ms", "10000"))));
        for (String seed : p.getProperty("dynamo.seeds", "http://127.0.0.1:8080/dynamo/api/v1/").split(",")) {
            if (!seed.isBlank()) {
                b.seed(seed.strip());
            }
        }
        String user = p.getProperty("dynamo.user", "");
        if (!user.isEmpty()) {
            b.credentials(user, p.getProperty("dynamo.password", ""));
        }
        DynamoClient built = b.build();
        built.refreshRing();
        return built;
    }

    @Override
    public void cleanup() {
        synchronized (LOCK) {
            if (client != null && --users == 0) {
                shared.close();
                shared = null;
            }
            client = null;
        }
    }

    static String keyOf(String table, String key) {
        return table + "/" + key;
    }

    /** Where the table's records are: the default namespace, or the table's own namespace. */
    private KeyValues store(String table) {
        return tablesAreNamespaces ? client.namespace(table) : client;
    }

    /** The record's key in {@link #store}. */
    private String key(String table, String key) {
        return tablesAreNamespaces ? key : keyOf(table, key);
    }

    @Override
    public Status read(String table, String key, Set<String> fields, Map<String, ByteIterator> result) {
        try {
            Versions read = store(table).get(key(table, key), readOptions);
            if (!read.found()) {
                return Status.NOT_FOUND;
            }
            SiblingMerge.merge(read.siblings()).forEach((name, value) -> {
                if (fields == null || fields.contains(name)) {
                    result.put(name, new ByteArrayByteIterator(value));
                }
            });
            return Status.OK;
        } catch (RuntimeException e) {
            return failed("read", key, e);
        }
    }

    @Override
    public Status update(String table, String key, Map<String, ByteIterator> values) {
        try {
            KeyValues store = store(table);
            String k = key(table, key);
            if (remembered && values.size() >= fieldCount) {
                store.update(k, RecordCodec.encode(overlay(new HashMap<>(), values)), null, writeOptions);
                return Status.OK;
            }
            Versions read = store.get(k, readOptions);
            Map<String, byte[]> record = read.found() ? SiblingMerge.merge(read.siblings()) : new HashMap<>();
            store.put(k, read.context(), RecordCodec.encode(overlay(record, values)), null, writeOptions);
            return Status.OK;
        } catch (RuntimeException e) {
            return failed("update", key, e);
        }
    }

    @Override
    public Status insert(String table, String key, Map<String, ByteIterator> values) {
        try {
            byte[] record = RecordCodec.encode(overlay(new HashMap<>(), values));
            store(table).put(key(table, key), null, record, null, writeOptions);
            return Status.OK;
        } catch (RuntimeException e) {
            return failed("insert", key, e);
        }
    }

    @Override
    public Status delete(String table, String key) {
        try {
            KeyValues store = store(table);
            String k = key(table, key);
            Versions read = store.get(k, readOptions);
            if (read.context() == null) {
                return Status.NOT_FOUND;
            }
            store.delete(k, read.context(), writeOptions);
            return Status.OK;
        } catch (RuntimeException e) {
            return failed("delete", key, e);
        }
    }

    @Override
    public Status scan(String table, String startkey, int recordcount, Set<String> fields,
                       Vector<HashMap<String, ByteIterator>> result) {
        return Status.NOT_IMPLEMENTED;
    }

    private static Map<String, byte[]> overlay(Map<String, byte[]> record, Map<String, ByteIterator> values) {
        values.forEach((name, value) -> record.put(name, value.toArray()));
        return record;
    }

    private static Status failed(String operation, String key, RuntimeException e) {
        String what = e instanceof DynamoClientException d ? d.status() + " " + d.error() + ": " + d.getMessage()
                : e.toString();
        LOG.log(Level.WARNING, () -> operation + " of " + key + " failed: " + what);
        return Status.ERROR;
    }
}
