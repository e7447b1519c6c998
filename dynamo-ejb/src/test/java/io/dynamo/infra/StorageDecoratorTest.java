package io.dynamo.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.Key;
import io.dynamo.core.node.NodeConfig;
import io.dynamo.core.store.InMemoryStorageEngine;
import io.dynamo.core.store.StorageEngine;
import io.dynamo.core.store.StorageException;
import io.dynamo.core.version.SiblingSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a node applies the storage decorators found on its class path (the ServiceLoader part runs in PlantedBugIT). */
class StorageDecoratorTest {
    private static final NodeConfig CONFIG = NodeConfig.defaults("node-a", Path.of("unused"));
    private static final Key KEY = Key.of("k");
    private static final List<String> CALLS = new ArrayList<>();
    private final Logger log = Logger.getLogger(NodeAssembler.class.getName());
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord logRecord) {
            logged.add(logRecord);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @AfterEach
    void stopCapture() {
        log.removeHandler(capture);
        CALLS.clear();
    }

    @Test
    void withoutDecoratorsTheNodeKeepsItsEngine() {
        StorageEngine engine = new InMemoryStorageEngine();
        assertThat(NodeAssembler.decorated(engine, List.of(), CONFIG)).isSameAs(engine);
    }

    @Test
    void decoratorsWrapInTheOrderOfTheirClassNamesAndAreNamedInTheLog() {
        log.addHandler(capture);
        StorageEngine engine = new InMemoryStorageEngine();
        StorageEngine decorated = NodeAssembler.decorated(engine, List.of(new ZTracer(), new ATracer()), CONFIG);

        SiblingSet read = decorated.read(KEY);

        assertThat(read).isEqualTo(SiblingSet.EMPTY);
        assertThat(CALLS).as("the last by name wraps the others, so it is called first")
                .containsExactly("ZTracer", "ATracer");
        assertThat(logged).extracting(LogRecord::getLevel).containsOnly(Level.WARNING);
        assertThat(logged).extracting(LogRecord::getMessage).containsExactly(
                "Dynamo node node-a: storage decorated by " + ATracer.class.getName()
                        + " (a StorageDecorator on the class path)",
                "Dynamo node node-a: storage decorated by " + ZTracer.class.getName()
                        + " (a StorageDecorator on the class path)");
    }

    @Test
    void closingTheDecoratedEngineClosesTheOneItWraps() {
        InMemoryStorageEngine engine = new InMemoryStorageEngine();
        NodeAssembler.decorated(engine, List.of(new ATracer()), CONFIG).close();
        assertThatThrownBy(() -> engine.read(KEY)).isInstanceOf(StorageException.class)
                .hasMessageContaining("closed");
    }

    /** Records that a read passed through it. */
    private static class Tracer implements StorageDecorator {
        @Override
        public StorageEngine decorate(StorageEngine storage) {
            String name = getClass().getSimpleName();
            return new ForwardingStorageEngine(storage) {
                @Override
                public SiblingSet read(Key key) {
                    CALLS.add(name);
                    return super.read(key);
                }
            };
        }
    }

    private static final class ATracer extends Tracer {
    }

    private static final class ZTracer extends Tracer {
    }
}
