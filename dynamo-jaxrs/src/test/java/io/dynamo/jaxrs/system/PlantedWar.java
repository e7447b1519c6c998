package io.dynamo.jaxrs.system;

import io.dynamo.infra.StorageDecorator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A copy of the built WAR with planted bugs on its class path: a jar in {@code WEB-INF/lib} holding a test package
 * of {@link StorageDecorator}s and the ServiceLoader entry that names them. The product's own WAR stays as built;
 * only the copy carries the bugs.
 */
final class PlantedWar {
    private static final String SERVICE = "META-INF/services/" + StorageDecorator.class.getName();

    private PlantedWar() {
    }

    /**
     * @param decorators the bugs, all from one package of compiled test classes (which the jar holds entire)
     * @return the copy, {@code dir/dynamo-planted.war}
     */
    static Path with(List<Class<? extends StorageDecorator>> decorators, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path war = dir.resolve("dynamo-planted.war");
        Files.copy(MicroNode.builtWar(), war, StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem zip = FileSystems.newFileSystem(war)) {
            Files.write(zip.getPath("WEB-INF", "lib", "dynamo-planted-bugs.jar"), jar(decorators));
        }
        return war;
    }

    private static byte[] jar(List<Class<? extends StorageDecorator>> decorators) throws IOException {
        Class<?> first = decorators.get(0);
        String folder = first.getPackageName().replace('.', '/');
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            for (Path file : classFiles(testClasses(first).resolve(folder))) {
                jar.putNextEntry(new JarEntry(folder + "/" + file.getFileName()));
                jar.write(Files.readAllBytes(file));
                jar.closeEntry();
            }
            jar.putNextEntry(new JarEntry(SERVICE));
            for (Class<?> decorator : decorators) {
                jar.write((decorator.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static List<Path> classFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
        }
    }

    private static Path testClasses(Class<?> decorator) {
        try {
            Path location = Path.of(decorator.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isDirectory(location)) {
                throw new IllegalStateException("expected " + decorator + " in a directory of compiled test classes,"
                        + " found it in " + location);
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
