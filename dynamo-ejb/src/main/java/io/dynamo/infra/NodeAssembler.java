package io.dynamo.infra;

import io.dynamo.core.DynamoNode;
import io.dynamo.core.NodeConfig;
import io.dynamo.core.store.StorageException;
import io.dynamo.infra.xodus.XodusStorageEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** The one place a node is wired from its config: the EJB uses it, and so do tests that start real nodes. */
public final class NodeAssembler {
    private NodeAssembler() {
    }

    public static DynamoNode assemble(NodeConfig config) {
        Path storeDir = config.dataDir().resolve("store");
        try {
            Files.createDirectories(storeDir);
        } catch (IOException e) {
            throw new StorageException("cannot create the data directory " + storeDir + " for node "
                    + config.nodeId() + ": " + e + "; set dynamo.data.dir to a writable directory", e);
        }
        return new DynamoNode(config, XodusStorageEngine.open(storeDir, false), Clock.systemUTC());
    }
}
