package naftiko.engine.shape.format;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The message type named by a protobuf {@code outputSchema}: {@code file.desc#package.Message},
 * where the file is a compiled descriptor set ({@code protoc --include_imports
 * --descriptor_set_out=file.desc x.proto}). Without {@code #Message}, the first message of the
 * last file in the set (the one protoc was asked to compile).
 */
final class ProtobufSchema {
    private ProtobufSchema() {}

    static String howToCompile(String proto) {
        String desc = proto.replaceAll("(?i)\\.proto$", "") + ".desc";
        return "compile it once with protoc --include_imports --descriptor_set_out=" + desc + " " + proto
                + " and set outputSchema: " + desc + "#<package.Message>";
    }

    static Descriptor load(String outputSchema, Path baseDir) {
        int hash = outputSchema.indexOf('#');
        String file = hash < 0 ? outputSchema : outputSchema.substring(0, hash);
        String message = hash < 0 ? null : outputSchema.substring(hash + 1).trim();
        if (file.toLowerCase(Locale.ROOT).endsWith(".proto")) {
            throw new FormatDecoder.FormatException("protobuf outputSchema '" + file + "' is .proto source, which"
                    + " this runtime cannot compile; " + howToCompile(file));
        }
        String key = SchemaFile.locate(file, baseDir);
        FileDescriptorSet set;
        try (InputStream in = SchemaFile.open(key)) {
            set = FileDescriptorSet.parseFrom(in);
        } catch (IOException e) {
            throw notDescriptorSet(file);
        }
        if (set.getFileCount() == 0) {
            throw notDescriptorSet(file);
        }
        Map<String, FileDescriptorProto> protos = new HashMap<>();
        set.getFileList().forEach(p -> protos.put(p.getName(), p));
        Map<String, FileDescriptor> built = new HashMap<>();
        FileDescriptor last = null;
        for (FileDescriptorProto proto : set.getFileList()) {
            last = build(proto.getName(), protos, built, file, 0);
        }
        return pick(message, built.values(), last, file);
    }

    private static Descriptor pick(String message, Iterable<FileDescriptor> files, FileDescriptor last, String file) {
        if (message == null || message.isEmpty()) {
            List<Descriptor> types = last.getMessageTypes();
            if (types.isEmpty()) {
                throw new FormatDecoder.FormatException("descriptor set '" + file
                        + "' declares no message in its last file; name one as outputSchema: " + file + "#package.Message");
            }
            return types.get(0);
        }
        for (FileDescriptor fd : files) {
            Descriptor found = find(fd, message);
            if (found != null) {
                return found;
            }
        }
        throw new FormatDecoder.FormatException("descriptor set '" + file + "' has no message type '" + message + "'");
    }

    private static Descriptor find(FileDescriptor fd, String fullName) {
        for (Descriptor d : fd.getMessageTypes()) {
            Descriptor found = find(d, fullName);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Descriptor find(Descriptor d, String fullName) {
        if (d.getFullName().equals(fullName) || d.getName().equals(fullName)) {
            return d;
        }
        for (Descriptor nested : d.getNestedTypes()) {
            Descriptor found = find(nested, fullName);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static FileDescriptor build(String name, Map<String, FileDescriptorProto> protos,
            Map<String, FileDescriptor> built, String file, int depth) {
        FileDescriptor done = built.get(name);
        if (done != null) {
            return done;
        }
        FileDescriptorProto proto = protos.get(name);
        if (proto == null || depth > 100) {
            throw new FormatDecoder.FormatException("descriptor set '" + file + "' lacks '" + name
                    + "' (compile with protoc --include_imports)");
        }
        FileDescriptor[] deps = new FileDescriptor[proto.getDependencyCount()];
        for (int i = 0; i < deps.length; i++) {
            deps[i] = build(proto.getDependency(i), protos, built, file, depth + 1);
        }
        try {
            FileDescriptor fd = FileDescriptor.buildFrom(proto, deps);
            built.put(name, fd);
            return fd;
        } catch (DescriptorValidationException e) {
            throw notDescriptorSet(file);
        }
    }

    private static FormatDecoder.FormatException notDescriptorSet(String file) {
        return new FormatDecoder.FormatException("schema file '" + file
                + "' is not a valid protobuf descriptor set (protoc --include_imports --descriptor_set_out)");
    }
}
